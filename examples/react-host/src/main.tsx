// A React 19 host app's Success tab: the success elements as React components from
// @cscx/success-react, with a short-lived token from the app's own backend (/embed-token).
import { SuccessOverview, SuccessProvider } from '@cscx/success-react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const baseUrl = import.meta.env.VITE_CSCX_BASE_URL ?? 'http://127.0.0.1:8787';

function SuccessTab() {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <SuccessProvider baseUrl={baseUrl} tokenUrl="/embed-token" locale="en-US">
      <SuccessOverview
        customerId="cus_acme"
        onSuccessGoalSelect={(event) => setSelected(event.detail.goalId)}
      />
      <p role="status">
        {selected ? `Selected goal ${selected}` : 'Choose a goal to see its progress.'}
      </p>
    </SuccessProvider>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <SuccessTab />
    </StrictMode>,
  );
