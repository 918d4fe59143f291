"""The HTTP routes besides GraphQL, one router a module: `health` (/healthz, /readyz) and
`interchange` (/import, /export). The explorer page is mounted by `service.api.explorer`."""
