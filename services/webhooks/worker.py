"""``somos worker webhooks``: runs delivery jobs, reads the change feeds, rescues stalled jobs.

Run as many as needed: the queue hands each job to one worker, a feed is read by the worker
holding its lock, and a worker that dies (even SIGKILL) loses nothing: its jobs are run again
once its heartbeat is older than ``SOMOS_WEBHOOKS_WORKER_STALLED_SECONDS``, and another worker
takes over its feeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import httpx
import procrastinate

from services.common.probe_server import ProbeServer
from services.webhooks.deliveries.jobs import DeliveryRuntime
from services.webhooks.deliveries.sender import delivery_client
from services.webhooks.feeds.reader import FeedReader, FeedToken
from services.webhooks.metrics import WorkerMetrics
from services.webhooks.queue import QUEUE, create_job_queue
from services.webhooks.settings import WebhooksSettings
from services.webhooks.signing import secret_box

logger = logging.getLogger("somos.webhooks.worker")


async def rescue_stalled_jobs(job_queue: procrastinate.App, settings: WebhooksSettings) -> None:
    """Forever: jobs left 'doing' by a worker without a heartbeat go back to the queue."""
    while True:
        await asyncio.sleep(max(0.5, settings.worker_stalled_seconds / 2))
        try:
            stalled = await job_queue.job_manager.get_stalled_jobs(
                queue=QUEUE, seconds_since_heartbeat=settings.worker_stalled_seconds
            )
            for job in stalled:
                with contextlib.suppress(Exception):  # another worker rescued it first
                    await job_queue.job_manager.retry_job(job)
                    logger.info("stalled job queued again", extra={"job_id": job.id})
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            logger.warning("stalled-job check failed", extra={"error_type": type(exc).__name__})


@contextlib.asynccontextmanager
async def metrics_server(
    settings: WebhooksSettings, metrics: WorkerMetrics, job_queue: procrastinate.App
) -> AsyncIterator[None]:
    """/metrics and /healthz on SOMOS_WEBHOOKS_WORKER_METRICS_PORT while the worker runs."""
    if settings.worker_metrics_port == 0:
        yield
        return
    pool = job_queue.connector.pool  # type: ignore[attr-defined]
    probe = ProbeServer(metrics.registry, before_scrape=lambda: metrics.sample_queue(pool))
    host, port = settings.worker_metrics_host, settings.worker_metrics_port
    try:
        server = await probe.start(host, port)
    except OSError as exc:
        raise SystemExit(
            f"cannot serve the worker's metrics on {host}:{port} ({exc.strerror}); set "
            "SOMOS_WEBHOOKS_WORKER_METRICS_PORT to a free port, or 0 for none"
        ) from None
    logger.info("worker metrics served", extra={"host": host, "port": port})
    try:
        yield
    finally:
        server.close()
        await server.wait_closed()


async def run_worker(settings: WebhooksSettings, *, name: str | None = None) -> None:
    """Run until SIGTERM/SIGINT: the queue's worker, one reader per feed, the rescuer."""
    if not settings.database_url:
        raise SystemExit("SOMOS_WEBHOOKS_DATABASE_URL is not set")
    if (
        settings.platform.jwt_jwks_url
        and settings.feed_token is None
        and not settings.uses_client_credentials
    ):
        raise SystemExit(
            "With tokens from an identity provider (SOMOS_JWT_JWKS_URL) the worker needs its "
            "own client there (SOMOS_WEBHOOKS_FEED_TOKEN_URL, _FEED_CLIENT_ID, "
            "_FEED_CLIENT_SECRET) or a token (SOMOS_WEBHOOKS_FEED_TOKEN): it cannot mint one"
        )
    job_queue = create_job_queue(
        settings.database_url, pool_size=settings.worker_concurrency + len(settings.feeds) + 4
    )
    metrics = WorkerMetrics()
    async with (
        job_queue.open_async(),
        delivery_client() as client,
        metrics_server(settings, metrics, job_queue),
    ):
        runtime = DeliveryRuntime(
            settings=settings,
            pool=job_queue.connector.pool,  # type: ignore[attr-defined]
            box=secret_box(settings),
            client=client,
            metrics=metrics,
        )
        async with httpx.AsyncClient(trust_env=False) as feed_client:
            token = FeedToken(settings, feed_client)
            background = [
                asyncio.create_task(
                    FeedReader(
                        source,
                        settings=settings,
                        job_queue=job_queue,
                        client=feed_client,
                        token=token,
                        metrics=metrics,
                    ).run()
                )
                for source in settings.feeds
            ]
            background.append(asyncio.create_task(rescue_stalled_jobs(job_queue, settings)))
            try:
                await job_queue.run_worker_async(
                    queues=[QUEUE],
                    name=name or "webhooks-worker",
                    concurrency=settings.worker_concurrency,
                    additional_context={"deliveries": runtime},
                    delete_jobs="successful",
                    listen_notify=True,
                    fetch_job_polling_interval=settings.worker_poll_seconds,
                    update_heartbeat_interval=settings.worker_heartbeat_seconds,
                    stalled_worker_timeout=settings.worker_stalled_seconds,
                    install_signal_handlers=True,
                )
            finally:
                for task in background:
                    task.cancel()
                await asyncio.gather(*background, return_exceptions=True)
