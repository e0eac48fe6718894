from tests.organizations.factories import organization_body


async def test_create_and_get(client):
    r = await client.post("/api/v1/organizations", json=organization_body())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["department_code"] == "52"
    r2 = await client.get(f"/api/v1/organizations/{body['id']}")
    assert r2.status_code == 200, r2.text
    assert r2.json()["name"] == "Asociación de Mujeres de TÚMACO"
    assert r2.headers["etag"] == '"1"'
