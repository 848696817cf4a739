/**
 * The baseline of the bench's posting cost (issue 15, acceptance 5): the least a program can do to post invoices —
 * read the ServiceTitan invoices changed since a time, create each as a Visma customer invoice and release it, with
 * axios and nothing else (no ledger, no mapping rules, no retries). Run as a child: `tsx minimal-posting-loop.ts
 * <job.json>`; prints `{ posted, released, failed, cpuSeconds }` (CPU of the loop itself, start-up excluded).
 */
import axios, { type AxiosInstance } from 'axios';
import { readFileSync } from 'node:fs';

/** What the bench hands the loop. */
export interface LoopJob {
  st: {
    authUrl: string;
    apiBaseUrl: string;
    tenantId: string;
    clientId: string;
    clientSecret: string;
    appKey: string;
  };
  visma: {
    tokenUrl: string;
    apiBaseUrl: string;
    tenantId: string;
    companyId: string;
    clientId: string;
    clientSecret: string;
  };
  modifiedOnOrAfter: string;
  /** ServiceTitan customer id → Visma customer number (the links the engine made). */
  customers: Record<string, string>;
  fallbackCustomer: string;
}

interface StItem {
  quantity: string | number;
  price: string | number;
  description?: string | null;
  skuName?: string | null;
}
interface StInvoice {
  id: number;
  referenceNumber?: string | null;
  invoiceDate?: string | null;
  customer?: { id: number } | null;
  items?: StItem[] | null;
}

const SCOPE = ['create', 'read', 'update', 'delete'].map((s) => `vismanet_erp_service_api:${s}`).join(' ');

async function token(url: string, form: Record<string, string>): Promise<string> {
  const res = await axios.post<{ access_token: string }>(url, new URLSearchParams(form).toString(), {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return res.data.access_token;
}

async function stInvoices(job: LoopJob): Promise<StInvoice[]> {
  const bearer = await token(job.st.authUrl, {
    grant_type: 'client_credentials',
    client_id: job.st.clientId,
    client_secret: job.st.clientSecret,
  });
  const http = axios.create({
    baseURL: `${job.st.apiBaseUrl}/accounting/v2/tenant/${job.st.tenantId}`,
    headers: { authorization: `Bearer ${bearer}`, 'ST-App-Key': job.st.appKey },
  });
  const out: StInvoice[] = [];
  for (let page = 1; ; page++) {
    const params = { page, pageSize: 500, modifiedOnOrAfter: job.modifiedOnOrAfter };
    const res = await http.get<{ data: StInvoice[]; hasMore: boolean }>('/invoices', { params });
    out.push(...res.data.data);
    if (!res.data.hasMore) return out;
  }
}

function body(job: LoopJob, invoice: StInvoice) {
  const customer = job.customers[String(invoice.customer?.id)] ?? job.fallbackCustomer;
  return {
    customerNumber: { value: customer },
    documentDate: { value: `${(invoice.invoiceDate ?? new Date().toISOString()).slice(0, 10)}T00:00:00` },
    externalReference: { value: `MIN-${invoice.id}` },
    invoiceLines: (invoice.items ?? []).map((item) => ({
      operation: 'Insert',
      description: { value: (item.description ?? item.skuName ?? 'line').slice(0, 60) || 'line' },
      accountNumber: { value: '3000' },
      quantity: { value: Number(item.quantity) },
      unitPriceInCurrency: { value: Number(item.price) },
      vatCodeId: { value: '3' },
    })),
  };
}

async function postAll(visma: AxiosInstance, job: LoopJob, invoices: StInvoice[]) {
  const result = { posted: 0, released: 0, failed: 0 };
  for (const invoice of invoices) {
    if (!invoice.items?.length) continue;
    const created = await visma.post('/v2/customerinvoice', body(job, invoice), {
      validateStatus: () => true,
    });
    const location = String(created.headers.location ?? '');
    if (created.status !== 201 || !location) {
      result.failed++;
      continue;
    }
    result.posted++;
    const number = location.split('/').pop()!;
    const released = await visma.post(`/v1/customerinvoice/${number}/action/release`, undefined, {
      validateStatus: () => true,
    });
    if (released.status < 300) result.released++;
  }
  return result;
}

/** Reads, posts and releases; returns the counts and the loop's CPU seconds. */
export async function minimalLoop(job: LoopJob) {
  const cpu = process.cpuUsage();
  const invoices = await stInvoices(job);
  const bearer = await token(job.visma.tokenUrl, {
    grant_type: 'client_credentials',
    client_id: job.visma.clientId,
    client_secret: job.visma.clientSecret,
    scope: SCOPE,
    tenant_id: job.visma.tenantId,
  });
  const visma = axios.create({
    baseURL: job.visma.apiBaseUrl,
    headers: { authorization: `Bearer ${bearer}`, 'ipp-company-id': job.visma.companyId },
  });
  const counts = await postAll(visma, job, invoices);
  const used = process.cpuUsage(cpu);
  return { ...counts, read: invoices.length, cpuSeconds: (used.user + used.system) / 1e6 };
}

if (process.argv[2]) {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoopJob;
  process.stdout.write(JSON.stringify(await minimalLoop(job)));
}
