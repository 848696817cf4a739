import { generateBills } from './bills';
import { generateInvoices } from './invoices';
import { generateMasterData } from './master';
import { Rng } from './random';
import type { TenantData } from './types';

/** What to generate for one tenant. */
export interface CompanyOptions {
  tenantId: string;
  name: string;
  seed: number;
  invoices: number;
  bills: number;
  /** Customers; default one per 8 invoices, at least 24, at most 2,000. */
  customers?: number;
  /** Documents are spread over the `spanDays` days before this moment (epoch ms). */
  anchor: number;
  /** Days before `anchor` the documents are spread over. Default 60. */
  spanDays?: number;
}

/** Generates a realistic HVAC/plumbing company: same options, same data. */
export function generateCompany(options: CompanyOptions): TenantData {
  const rng = new Rng(options.seed);
  const customerCount = options.customers ?? Math.min(2000, Math.max(24, Math.ceil(options.invoices / 8)));
  const md = generateMasterData(rng, options.anchor, customerCount, options.name, options.tenantId);
  const docOptions = {
    invoices: options.invoices,
    bills: options.bills,
    anchor: options.anchor,
    spanDays: options.spanDays ?? 60,
  };
  const { jobs, invoices } = generateInvoices(rng, md, docOptions);
  const apBills = generateBills(rng, md, jobs, docOptions);
  return { tenantId: options.tenantId, name: options.name, ...md, jobs, invoices, apBills };
}
