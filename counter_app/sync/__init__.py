"""Local store <-> central PostgreSQL synchronisation (arrives with the central-database issue); no Qt."""
