import {
  Account,
  Branch,
  Dimension,
  FinancialPeriod,
  Project,
  Subaccount,
  VatCategory,
  VatCode,
  VatZone,
} from '../schemas';
import { readAllPages } from '../paging';
import type { EndpointDeps, ModifiedFilter } from './shared';
import { getList, getOrNull, modifiedQuery, seg } from './shared';

/** Chart of accounts, subaccounts and dimensions, VAT setup, branches, financial periods and projects. */
export function masterDataEndpoints(deps: EndpointDeps) {
  const { transport, paging } = deps;
  return {
    /** GL accounts (`/v1/account` is not paged in the official description). */
    listAccounts: async (filter: ModifiedFilter & { active?: boolean } = {}) =>
      getList(
        deps,
        {
          path: '/v1/account',
          endpoint: 'GET /v1/account',
          query: { active: filter.active, ...modifiedQuery(filter) },
        },
        Account,
      ),
    /** One GL account, or null. */
    getAccount: async (accountCd: string) =>
      (
        await getOrNull(
          deps,
          { path: `/v1/account/${seg(accountCd)}`, endpoint: 'GET /v1/account/{accountCd}' },
          Account,
        )
      )?.value ?? null,
    /** Subaccounts with their segment values (paged). */
    listSubaccounts: async (filter: ModifiedFilter & { active?: boolean } = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/subaccount',
          endpoint: 'GET /v1/subaccount',
          query: { active: filter.active, ...modifiedQuery(filter) },
        },
        Subaccount,
        paging,
      ),
    /** Dimension ids (e.g. `SUBACCOUNT`). */
    listDimensions: async () =>
      (await transport.send({ method: 'GET', path: '/v1/dimension', endpoint: 'GET /v1/dimension' }))
        .data as string[],
    /** A dimension with its segments and values, or null. */
    getDimension: async (dimensionId = 'SUBACCOUNT') =>
      (
        await getOrNull(
          deps,
          { path: `/v1/dimension/${seg(dimensionId)}`, endpoint: 'GET /v1/dimension/{dimensionId}' },
          Dimension,
        )
      )?.value ?? null,
    /** VAT zones (paged). */
    listVatZones: () =>
      readAllPages(transport, { path: '/v1/vatZone', endpoint: 'GET /v1/vatZone' }, VatZone, paging),
    /** VAT categories with the VAT codes each allows. */
    listVatCategories: () =>
      getList(deps, { path: '/v1/vatCategory', endpoint: 'GET /v1/vatCategory' }, VatCategory),
    /** VAT codes with their current rate, zones and categories. */
    listVatCodes: () => getList(deps, { path: '/v1/vat', endpoint: 'GET /v1/vat' }, VatCode),
    /** Branches. */
    listBranches: () => getList(deps, { path: '/v1/branch', endpoint: 'GET /v1/branch' }, Branch),
    /** Financial periods with `closedInCustomerLedger` / `closedInSupplierLedger`. */
    listFinancialPeriods: () =>
      getList(deps, { path: '/v1/financialPeriod', endpoint: 'GET /v1/financialPeriod' }, FinancialPeriod),
    /** One financial period (`YYYYMM`), or null when Visma does not have it. */
    getFinancialPeriod: async (periodId: string) =>
      (
        await getOrNull(
          deps,
          {
            path: `/v1/financialPeriod/${seg(periodId)}`,
            endpoint: 'GET /v1/financialPeriod/{financialPeriodId}',
          },
          FinancialPeriod,
        )
      )?.value ?? null,
    /** Projects (paged). */
    listProjects: async (filter: ModifiedFilter & { status?: string } = {}) =>
      readAllPages(
        transport,
        {
          path: '/v1/project',
          endpoint: 'GET /v1/project',
          query: { status: filter.status, ...modifiedQuery(filter) },
        },
        Project,
        paging,
      ),
  };
}
