/** A ServiceTitan customer contact as alignment reads it. */
export interface AlignContact {
  id: number;
  customerId: number;
  type: string;
  value: string;
  /** The contact gets the customer's invoices. */
  invoices: boolean;
}

/**
 * The customer's primary e-mail per customer id. ServiceTitan has no "primary" flag, so: the e-mail contact that
 * receives invoices, else the oldest e-mail contact (lowest id). Pure.
 */
export function primaryEmails(contacts: readonly AlignContact[]): Map<string, string> {
  const best = new Map<number, AlignContact>();
  for (const c of contacts) {
    if (c.type !== 'Email' || !c.value.trim()) continue;
    const current = best.get(c.customerId);
    const better =
      !current || (c.invoices && !current.invoices) || (c.invoices === current.invoices && c.id < current.id);
    if (better) best.set(c.customerId, c);
  }
  return new Map([...best].map(([id, c]) => [String(id), c.value.trim()]));
}
