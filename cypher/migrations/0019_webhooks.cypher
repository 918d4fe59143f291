// Migration 19: webhooks (service/editing/webhooks.py): each registration is unique by id;
// its delivery log is read by webhook, newest first.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_delivery_webhook IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.webhook, n.at);
