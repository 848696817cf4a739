import type { HandlerTable } from '../context';
import { created, dateFilter, paged } from '../context';
import { vismaError, notFound } from '../errors';
import {
  accountDto,
  branchDto,
  dimensionDto,
  periodDto,
  projectDto,
  segmentDto,
  subaccountDto,
  vatCategoryDto,
  vatInformationDto,
  vatZoneDto,
} from '../dto-master';
import { bool, record, str } from '../unwrap';
import { nowIn } from '../model';

/** Accounts, subaccounts, dimensions, VAT, branches, financial periods and projects. */
export const masterDataHandlers: HandlerTable = {
  Account_GetAll(ctx) {
    const active = ctx.req.url.searchParams.get('active');
    const modified = dateFilter(ctx, 'lastModifiedDateTime');
    const list = [...ctx.company.accounts.values()]
      .filter((a) => active === null || String(a.active) === active.toLowerCase())
      .filter((a) => modified(a.lastModified));
    return { status: 200, body: list.map(accountDto) };
  },
  Account_GetByaccountCd(ctx) {
    const a = ctx.company.accounts.get(ctx.params.accountCd ?? '');
    if (!a) throw notFound(`Account '${ctx.params.accountCd}'`);
    return { status: 200, body: accountDto(a) };
  },
  Account_Post(ctx) {
    const b = record(ctx.req.body);
    const accountCD = str(b.accountCD);
    if (!accountCD) throw vismaError("Error creating account. Error: 'Account' cannot be empty.");
    if (ctx.company.accounts.has(accountCD))
      throw vismaError(`Error creating account. Error: Account '${accountCD}' already exists.`);
    const type = (str(b.type) ?? 'Expense') as 'Asset' | 'Liability' | 'Income' | 'Expense';
    const taxCategory = str(b.taxCategory);
    ctx.company.accounts.set(accountCD, {
      accountID: ctx.company.series.internalId++,
      accountCD,
      description: str(b.description) ?? accountCD,
      type,
      active: bool(b.active) ?? true,
      ...(taxCategory ? { taxCategory } : {}),
      lastModified: nowIn(ctx.company),
    });
    return created(ctx, '/v1/account', accountCD);
  },
  Subaccount_GetAllSubaccounts(ctx) {
    const active = ctx.req.url.searchParams.get('active');
    const modified = dateFilter(ctx, 'lastModifiedDateTime');
    const list = [...ctx.company.subaccounts.values()]
      .filter((s) => active === null || String(s.active) === active.toLowerCase())
      .filter((s) => modified(s.lastModified));
    return paged(
      ctx,
      list.map((s) => subaccountDto(s, ctx.company)),
    );
  },
  Subaccount_GetSubaccountBysubAccountNumber(ctx) {
    const s = ctx.company.subaccounts.get(ctx.params.subAccountNumber ?? '');
    if (!s) throw notFound(`Subaccount '${ctx.params.subAccountNumber}'`);
    return { status: 200, body: subaccountDto(s, ctx.company) };
  },
  Dimension_GetDimensionList() {
    return { status: 200, body: ['SUBACCOUNT'] };
  },
  Dimension_GetDimensionBydimensionId(ctx) {
    if ((ctx.params.dimensionId ?? '').toUpperCase() !== 'SUBACCOUNT')
      throw notFound(`Dimension '${ctx.params.dimensionId}'`);
    return { status: 200, body: dimensionDto(ctx.company) };
  },
  Dimension_GetSegmentBydimensionIdsegmentId(ctx) {
    const segment = ctx.company.segments.find((s) => String(s.segmentId) === ctx.params.segmentId);
    if ((ctx.params.dimensionId ?? '').toUpperCase() !== 'SUBACCOUNT' || !segment)
      throw notFound(`Segment '${ctx.params.segmentId}'`);
    return { status: 200, body: segmentDto(segment) };
  },
  VatZone_GetVatZones(ctx) {
    return paged(ctx, [...ctx.company.vatZones.values()].map(vatZoneDto));
  },
  VatZone_GetVatZoneByvatZoneId(ctx) {
    const z = ctx.company.vatZones.get(ctx.params.vatZoneId ?? '');
    if (!z) throw notFound(`VAT zone '${ctx.params.vatZoneId}'`);
    return { status: 200, body: vatZoneDto(z) };
  },
  VatCategory_GetAllVatCategories(ctx) {
    return {
      status: 200,
      body: [...ctx.company.vatCategories.values()].map((c) => vatCategoryDto(c, ctx.company)),
    };
  },
  VatCategory_GetVatCategoryBytaxCategoryId(ctx) {
    const c = ctx.company.vatCategories.get(ctx.params.taxCategoryId ?? '');
    if (!c) throw notFound(`VAT category '${ctx.params.taxCategoryId}'`);
    return { status: 200, body: vatCategoryDto(c, ctx.company) };
  },
  Vat_GetAllVats(ctx) {
    return {
      status: 200,
      body: [...ctx.company.vatCodes.values()].map((v) => vatInformationDto(v, ctx.company)),
    };
  },
  Vat_GetVatByvatId(ctx) {
    const v = ctx.company.vatCodes.get(ctx.params.vatId ?? '');
    if (!v) throw notFound(`VAT '${ctx.params.vatId}'`);
    return { status: 200, body: vatInformationDto(v, ctx.company) };
  },
  Branch_GetAllBranches(ctx) {
    return { status: 200, body: [...ctx.company.branches.values()].map((b) => branchDto(b, ctx.company)) };
  },
  Branch_GetSpecificBranchBybranchNumber(ctx) {
    const b = ctx.company.branches.get(ctx.params.branchNumber ?? '');
    if (!b) throw notFound(`Branch '${ctx.params.branchNumber}'`);
    return { status: 200, body: branchDto(b, ctx.company) };
  },
  FinancialPeriod_GetAll(ctx) {
    const after = ctx.req.url.searchParams.get('greaterThanValue');
    const list = [...ctx.company.periods.values()].filter((p) => after === null || p.period > after);
    return { status: 200, body: list.map(periodDto) };
  },
  FinancialPeriod_GetByfinancialPeriodId(ctx) {
    const p = ctx.company.periods.get(ctx.params.financialPeriodId ?? '');
    if (!p) throw notFound(`Financial period '${ctx.params.financialPeriodId}'`);
    return { status: 200, body: periodDto(p) };
  },
  Project_GetAll(ctx) {
    const status = ctx.req.url.searchParams.get('status');
    const modified = dateFilter(ctx, 'lastModifiedDateTime');
    const list = [...ctx.company.projects.values()].filter(
      (p) => (status === null || p.status === status) && modified(p.lastModified),
    );
    return paged(
      ctx,
      list.map((p) => projectDto(p, ctx.company)),
    );
  },
  Project_GetByprojectID(ctx) {
    const p = ctx.company.projects.get(ctx.params.projectID ?? '');
    if (!p) throw notFound(`Project '${ctx.params.projectID}'`);
    return { status: 200, body: projectDto(p, ctx.company) };
  },
};
