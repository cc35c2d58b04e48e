// Acme's value delivered and ROI, the figures its dashboard shows. Run with the reference server
// up: CSCX_TOKEN=demo-csm-token node acme-value.mjs
import { formatMoney, formatMultiplier } from '@cscx/success-calc';
import { createSuccessClient } from '@cscx/success-sdk';

const baseUrl = process.env.CSCX_BASE_URL ?? 'http://127.0.0.1:8787';
const client = createSuccessClient({ baseUrl, token: process.env.CSCX_TOKEN });
const { customer, metrics } = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' });
const { total_value, roi_multiplier } = metrics.value_delivered;
const value = formatMoney(total_value, metrics.currency, { compact: true });
console.log(`${customer.name}: ${value} delivered, ${formatMultiplier(roi_multiplier)} ROI`);
