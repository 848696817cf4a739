import { z } from 'zod';
import { VismaError } from './errors';
import { amountString } from './wire';

/** A JSON number from Visma as an exact decimal string. */
const amount = z.number().transform(amountString);
const optionalAmount = amount.optional();
/** `2025-01-27T00:00:00` → `2025-01-27`. */
const date = z.string().transform((s) => s.slice(0, 10));
const idRef = z.object({ id: z.string() }).loose();
const numberRef = z.object({ number: z.string() }).loose();

/** Parses a reply with `schema`; missing fields become a plain-language `bad_response` error. */
export function parseReply<T>(schema: z.ZodType<T>, data: unknown, endpoint: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the answer';
  const what =
    issue?.code === 'invalid_type' && issue.input === undefined
      ? 'is missing'
      : `is not valid (${issue?.message ?? 'unknown problem'})`;
  throw new VismaError({
    code: 'bad_response',
    endpoint,
    message: `Visma's answer to ${endpoint} could not be read: ${where} ${what}.`,
  });
}

/** A GL account. */
export const Account = z.object({
  accountID: z.number().optional(),
  accountCD: z.string(),
  description: z.string().default(''),
  type: z.string().optional(),
  active: z.boolean().default(true),
  taxCategory: z.string().optional(),
  controlAccountModule: z.string().optional(),
  lastModifiedDateTime: z.string().optional(),
});
export type Account = z.infer<typeof Account>;

const Segment = z.object({
  segmentId: z.number(),
  segmentValue: z.string(),
  segmentDescription: z.string().optional(),
  segmentValueDescription: z.string().optional(),
});

/** A subaccount and its segment values. */
export const Subaccount = z.object({
  subaccountNumber: z.string(),
  subaccountId: z.number().optional(),
  description: z.string().default(''),
  active: z.boolean().default(true),
  segments: z.array(Segment).default([]),
  lastModifiedDateTime: z.string().optional(),
});
export type Subaccount = z.infer<typeof Subaccount>;

/** A dimension (e.g. SUBACCOUNT) with its segments and allowed values. */
export const Dimension = z.object({
  id: z.string(),
  description: z.string().default(''),
  segments: z
    .array(
      z.object({
        segmentId: z.number(),
        description: z.string().default(''),
        length: z.number().optional(),
        segmentValues: z
          .array(
            z.object({
              valueId: z.string(),
              description: z.string().default(''),
              active: z.boolean().default(true),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});
export type Dimension = z.infer<typeof Dimension>;

/** A VAT zone. */
export const VatZone = z.object({
  id: z.string(),
  description: z.string().default(''),
  defaultVatCategory: z.string().optional(),
});
export type VatZone = z.infer<typeof VatZone>;

/** A VAT category and the VAT codes it allows. */
export const VatCategory = z
  .object({
    vatCategoryId: z.string(),
    description: z.string().default(''),
    active: z.boolean().default(true),
    vatCategoryLines: z.array(z.object({ vatId: z.string() }).loose()).default([]),
  })
  .transform(({ vatCategoryLines, ...rest }) => ({ ...rest, vatIds: vatCategoryLines.map((l) => l.vatId) }));
export type VatCategory = z.infer<typeof VatCategory>;

/** A VAT code with its current rate and the zones/categories it belongs to. */
export const VatCode = z
  .object({
    vatId: z.string(),
    description: z.string().default(''),
    type: z.string().optional(),
    schedules: z
      .array(
        z
          .object({
            startDate: z.string().optional(),
            vatRate: z.number().optional(),
            groupType: z.string().optional(),
          })
          .loose(),
      )
      .default([]),
    zones: z.array(idRef).default([]),
    categories: z.array(z.object({ vatCategoryId: z.string() }).loose()).default([]),
    /** Last day the code may be used; Visma's way of deactivating a VAT code. */
    notValidAfter: z.string().nullish(),
    /** The accounts its VAT posts to: payable (sales) and claimable (purchases). */
    glAccounts: z
      .object({ vatPayableAccount: numberRef.optional(), vatClaimableAccount: numberRef.optional() })
      .loose()
      .optional(),
    lastModifiedDateTime: z.string().optional(),
  })
  .transform(({ schedules, zones, categories, glAccounts, ...rest }) => {
    const current = [...schedules].sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '')).pop();
    return {
      ...rest,
      rate: current?.vatRate === undefined ? undefined : amountString(current.vatRate),
      groupType: current?.groupType,
      zoneIds: zones.map((z1) => z1.id),
      categoryIds: categories.map((c) => c.vatCategoryId),
      payableAccount: glAccounts?.vatPayableAccount?.number,
      claimableAccount: glAccounts?.vatClaimableAccount?.number,
    };
  });
export type VatCode = z.infer<typeof VatCode>;

/** A branch. */
export const Branch = z
  .object({
    number: z.string(),
    name: z.string().default(''),
    isMainBranch: z.boolean().default(false),
    isActive: z.boolean().default(true),
    vatZone: idRef.optional(),
  })
  .transform(({ vatZone, ...rest }) => ({ ...rest, vatZoneId: vatZone?.id }));
export type Branch = z.infer<typeof Branch>;

/** A financial period with its per-ledger closing flags. */
export const FinancialPeriod = z.object({
  period: z.string(),
  year: z.number().optional(),
  startDate: date.optional(),
  endDate: date.optional(),
  description: z.string().optional(),
  active: z.boolean().default(true),
  closedInCustomerLedger: z.boolean().default(false),
  closedInSupplierLedger: z.boolean().default(false),
  closedInGeneralLedger: z.boolean().default(false),
});
export type FinancialPeriod = z.infer<typeof FinancialPeriod>;

/** A project. */
export const Project = z
  .object({
    internalID: z.number().optional(),
    projectID: z.string(),
    description: z.string().default(''),
    status: z.string().optional(),
    customer: numberRef.optional(),
  })
  .transform(({ customer, ...rest }) => ({ ...rest, customerNumber: customer?.number }));
export type Project = z.infer<typeof Project>;

const partyFields = {
  internalId: z.number().optional(),
  number: z.string(),
  name: z.string(),
  status: z.string(),
  vatZone: idRef.optional(),
  currencyId: z.string().optional(),
  corporateId: z.string().optional(),
  vatRegistrationId: z.string().optional(),
  mainAddress: z
    .object({
      addressLine1: z.string().optional(),
      postalCode: z.string().optional(),
      city: z.string().optional(),
      country: idRef.optional(),
    })
    .loose()
    .optional(),
  mainContact: z.object({ email: z.string().optional(), phone1: z.string().optional() }).loose().optional(),
  lastModifiedDateTime: z.string().optional(),
};

function flattenParty<
  T extends {
    vatZone?: { id: string } | undefined;
    mainAddress?:
      | {
          addressLine1?: string | undefined;
          postalCode?: string | undefined;
          city?: string | undefined;
          country?: { id: string } | undefined;
        }
      | undefined;
    mainContact?: { email?: string | undefined; phone1?: string | undefined } | undefined;
  },
>({ vatZone, mainAddress, mainContact, ...rest }: T) {
  return {
    ...rest,
    vatZoneId: vatZone?.id,
    addressLine1: mainAddress?.addressLine1,
    postalCode: mainAddress?.postalCode,
    city: mainAddress?.city,
    countryId: mainAddress?.country?.id,
    email: mainContact?.email,
    phone: mainContact?.phone1,
  };
}

/** A customer. */
export const Customer = z.object(partyFields).transform(flattenParty);
export type Customer = z.infer<typeof Customer>;

/** A supplier; `timeStamp` is the row version Visma also sends as the ETag. */
export const Supplier = z
  .object({ ...partyFields, timeStamp: z.string().optional() })
  .transform(flattenParty);
export type Supplier = z.infer<typeof Supplier>;

const TaxDetail = z
  .object({
    taxId: z.string().optional(),
    vatId: numberRef.optional(),
    vatRate: optionalAmount,
    taxableAmount: amount,
    vatAmount: amount,
  })
  .transform((t) => ({
    vatId: t.vatId?.number ?? t.taxId ?? '',
    vatRate: t.vatRate,
    taxableAmount: t.taxableAmount,
    vatAmount: t.vatAmount,
  }));
/** VAT per code on a document. */
export type TaxDetail = z.infer<typeof TaxDetail>;

const SubaccountRef = z
  .object({ subaccountNumber: z.string().optional(), segments: z.array(Segment).optional() })
  .loose();

const ArLine = z
  .object({
    lineNumber: z.number(),
    description: z.string().default(''),
    quantity: optionalAmount,
    unitPrice: optionalAmount,
    amount,
    account: numberRef.optional(),
    vatCode: idRef.optional(),
    subaccount: SubaccountRef.optional(),
  })
  .transform(({ account, vatCode, subaccount, ...rest }) => ({
    ...rest,
    accountNumber: account?.number,
    vatCodeId: vatCode?.id,
    subaccountNumber: subaccount?.subaccountNumber,
  }));

const partyRef = z.object({ number: z.string(), name: z.string().optional() }).loose();

/** An application (`ArAdjustDto`): the document a credit note is applied to, or one applied to an invoice. */
const Application = z
  .object({ docType: z.string().optional(), refNbr: z.string().optional(), released: z.boolean().optional() })
  .loose();

const customerDocumentFields = {
  referenceNumber: z.string(),
  documentType: z.string().optional(),
  status: z.string(),
  hold: z.boolean().optional(),
  customer: partyRef,
  /** The customer ledger (receivables) account of the document. */
  account: numberRef.optional(),
  applications: z.array(Application).default([]),
  documentDate: date,
  documentDueDate: date.optional(),
  financialPeriod: z.string().optional(),
  currencyId: z.string().optional(),
  externalReference: z.string().optional(),
  customerRefNumber: z.string().optional(),
  invoiceText: z.string().optional(),
  note: z.string().optional(),
  /** Why the last (background) release failed; the document stays Balanced. */
  errorInfo: z.string().optional(),
  detailTotal: optionalAmount,
  vatTaxableTotal: optionalAmount,
  vatExemptTotal: optionalAmount,
  vatTotal: amount,
  amount,
  balance: optionalAmount,
  taxDetails: z.array(TaxDetail).default([]),
  lastModifiedDateTime: z.string().optional(),
  createdDateTime: z.string().optional(),
};

/** A customer invoice as read back. */
export const CustomerInvoice = z
  .object({ ...customerDocumentFields, invoiceLines: z.array(ArLine).default([]) })
  .transform(({ customer, invoiceLines, account, ...rest }) => ({
    ...rest,
    customerNumber: customer.number,
    customerName: customer.name,
    receivablesAccount: account?.number,
    lines: invoiceLines,
  }));
export type CustomerInvoice = z.infer<typeof CustomerInvoice>;

/** A customer credit note as read back. */
export const CustomerCreditNote = z
  .object({ ...customerDocumentFields, lines: z.array(ArLine).default([]) })
  .transform(({ customer, account, ...rest }) => ({
    ...rest,
    customerNumber: customer.number,
    customerName: customer.name,
    receivablesAccount: account?.number,
  }));
export type CustomerCreditNote = z.infer<typeof CustomerCreditNote>;

/** A supplier invoice as read back; `timeStamp` is its ETag. */
export const SupplierInvoice = z
  .object({
    referenceNumber: z.string(),
    documentType: z.string().optional(),
    status: z.string(),
    hold: z.boolean().optional(),
    supplier: partyRef,
    date,
    dueDate: date.optional(),
    financialPeriod: z.string().optional(),
    currencyId: z.string().optional(),
    supplierReference: z.string().optional(),
    description: z.string().optional(),
    note: z.string().optional(),
    errorInfo: z.string().optional(),
    detailTotal: optionalAmount,
    vatTotal: amount,
    amount,
    balance: optionalAmount,
    taxDetailLines: z.array(TaxDetail).default([]),
    invoiceLines: z
      .array(
        z
          .object({
            lineNumber: z.number(),
            transactionDescription: z.string().default(''),
            quantity: optionalAmount,
            unitCost: optionalAmount,
            cost: amount,
            account: numberRef.optional(),
            vatCode: idRef.optional(),
            subaccount: SubaccountRef.optional(),
          })
          .transform(({ transactionDescription, unitCost, cost, account, vatCode, subaccount, ...rest }) => ({
            ...rest,
            description: transactionDescription,
            unitPrice: unitCost,
            amount: cost,
            accountNumber: account?.number,
            vatCodeId: vatCode?.id,
            subaccountNumber: subaccount?.subaccountNumber,
          })),
      )
      .default([]),
    timeStamp: z.string().optional(),
    lastModifiedDateTime: z.string().optional(),
    createdDateTime: z.string().optional(),
  })
  .transform(({ supplier, taxDetailLines, invoiceLines, ...rest }) => ({
    ...rest,
    supplierNumber: supplier.number,
    supplierName: supplier.name,
    taxDetails: taxDetailLines,
    lines: invoiceLines,
  }));
export type SupplierInvoice = z.infer<typeof SupplierInvoice>;

/** Result of a release action (`Release…ActionResultDto`): `Queued`/`InProcess` mean it is not done yet. */
export const ReleaseActionResult = z.object({
  actionId: z.string().optional(),
  actionResult: z.enum(['Queued', 'InProcess', 'Failed', 'Done']),
  errorInfo: z.string().optional(),
});

/** Result of a customer invoice reversal (`ReverseInvoiceActionResultDto`): the new credit note's number. */
export const ReverseInvoiceResult = z.object({
  referenceNumber: z.string().optional(),
  actionId: z.string().optional(),
  actionResult: z.enum(['Queued', 'InProcess', 'Failed', 'Done']),
  errorInfo: z.string().optional(),
});

/** The background content of a supplier invoice reversal (`ReverseInvoiceResultDto`). */
export const ReverseSupplierInvoiceResult = z.object({
  refNbr: z.string().optional(),
  docType: z.string().optional(),
  actionResult: z.enum(['Queued', 'InProcess', 'Failed', 'Done']).optional(),
  errorInfo: z.string().optional(),
});

/** A background-API acceptance (`202`). */
export const BackgroundAccepted = z.object({ id: z.string(), stateLocation: z.string().optional() });

/** State of a background-API request. */
export const BackgroundState = z.object({
  id: z.string().optional(),
  status: z.string(),
  statusCode: z.number().optional(),
  errorMessage: z.string().optional(),
  hasResponseContent: z.boolean().optional(),
});
export type BackgroundState = z.infer<typeof BackgroundState>;

/** A GL batch (journal transaction) and its lines. */
export const JournalTransaction = z
  .object({
    module: z.string().transform((m) => m.replace(/^Module/, '')),
    batchNumber: z.string(),
    status: z.string().optional(),
    transactionDate: date.optional(),
    financialPeriod: z.string().optional(),
    description: z.string().optional(),
    journalTransactionLines: z
      .array(
        z
          .object({
            lineNumber: z.number(),
            accountNumber: z.string(),
            referenceNumber: z.string().optional(),
            debitAmount: amount,
            creditAmount: amount,
            customerSupplier: z.string().optional(),
            vatCode: idRef.optional(),
            subaccount: SubaccountRef.optional(),
          })
          .transform(({ vatCode, subaccount, ...rest }) => ({
            ...rest,
            vatCodeId: vatCode?.id,
            subaccountNumber: subaccount?.subaccountNumber,
          })),
      )
      .default([]),
  })
  .transform(({ journalTransactionLines, ...rest }) => ({ ...rest, lines: journalTransactionLines }));
export type JournalTransaction = z.infer<typeof JournalTransaction>;

/** One GL balance row (`GeneralLedgerBalanceDto`): an account's movement in a period on one branch and subaccount. */
export const GeneralLedgerBalance = z
  .object({
    account: z
      .object({ number: z.string(), description: z.string().optional(), type: z.string().optional() })
      .loose(),
    branch: z.object({ number: z.string().optional() }).loose().optional(),
    subAccountCd: z.string().optional(),
    financialPeriod: z.string().optional(),
    balanceType: z.string().optional(),
    periodToDateDebit: amount.default('0'),
    periodToDateCredit: amount.default('0'),
    beginningBalance: optionalAmount,
    yearToDateBalance: optionalAmount,
  })
  .transform(({ account, branch, ...rest }) => ({
    ...rest,
    accountNumber: account.number,
    accountDescription: account.description,
    accountType: account.type,
    branchNumber: branch?.number,
  }));
export type GeneralLedgerBalance = z.infer<typeof GeneralLedgerBalance>;
