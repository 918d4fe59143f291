// Migration 20: alerts (service/editing/alerts.py): each is raised once, by its key.
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
