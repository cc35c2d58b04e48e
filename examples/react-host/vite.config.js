// Vite for the React host. The /embed-token endpoint stands in for the host app's backend: it
// exchanges the app's manager token (CSCX_MANAGER_TOKEN, server-side only) for a 15-minute
// read-only token for the customer on screen, in `vite` (dev) and `vite preview` alike.
import { createSuccessClient } from '@cscx/success-sdk';
import { defineConfig } from 'vite';

function embedTokenEndpoint() {
  const api = createSuccessClient({
    baseUrl: process.env.VITE_CSCX_BASE_URL ?? 'http://127.0.0.1:8787',
    token: process.env.CSCX_MANAGER_TOKEN,
  });
  const middleware = async (req, res, next) => {
    if (req.url !== '/embed-token') return next();
    try {
      const body = { customer_id: 'cus_acme', ttl_seconds: 900 };
      const { token, expires_at } = await api.createEmbedToken({ body });
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify({ token, expires_at }));
    } catch (error) {
      res.statusCode = 502;
      res.end(`Could not get a token: ${error.message}`);
    }
  };
  return {
    name: 'embed-token-endpoint',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  plugins: [embedTokenEndpoint()],
});
