/** OAuth scopes the connector needs, in the order the connection test checks them. */
export const REQUIRED_SCOPES = [
  'tn.acc.invoices:r',
  'tn.acc.invoices:w',
  'tn.acc.invoiceitems:r',
  'tn.acc.apbills:r',
  'tn.acc.apbills:w',
  'tn.acc.inventorybills:r',
  'tn.acc.inventorybills:w',
  'tn.inv.vendors:r',
  'tn.inv.vendors:w',
  'tn.acc.taxzones:r',
  'tn.stt.businessunits:r',
  'tn.stt.tagtypes:r',
  'tn.acc.glaccounts:r',
  'tn.crm.customers:r',
  'tn.crm.locations:r',
  'tn.jpm.jobs:r',
] as const;

/** One of the scopes the connector needs. */
export type StScope = (typeof REQUIRED_SCOPES)[number];

/** What each scope lets the connector do, in words the accountant understands. */
export const SCOPE_PURPOSE: Record<StScope, string> = {
  'tn.acc.invoices:r': 'read invoices',
  'tn.acc.invoices:w': 'mark invoices as exported',
  'tn.acc.invoiceitems:r': 'read invoice lines',
  'tn.acc.apbills:r': 'read AP bills',
  'tn.acc.apbills:w': 'mark AP bills as exported',
  'tn.acc.inventorybills:r': 'read inventory bills',
  'tn.acc.inventorybills:w': 'mark inventory bills as exported',
  'tn.inv.vendors:r': 'read vendors',
  'tn.inv.vendors:w': 'create and update vendors',
  'tn.acc.taxzones:r': 'read tax zones',
  'tn.stt.businessunits:r': 'read business units',
  'tn.stt.tagtypes:r': 'read customer tag types',
  'tn.acc.glaccounts:r': 'read GL accounts',
  'tn.crm.customers:r': 'read customers',
  'tn.crm.locations:r': 'read customer locations',
  'tn.jpm.jobs:r': 'read jobs',
};
