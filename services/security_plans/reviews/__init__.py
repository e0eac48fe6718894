"""The programme's technical reviews of plans."""
