import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CaseRelationsService, type CaseLinkRow } from '@homeroom/cases/data-access';
import { perRequest } from '@homeroom/platform/graphql';

export interface CaseLoaders {
  watchers: DataLoader<string, string[]>;
  links: DataLoader<string, CaseLinkRow[]>;
}

/**
 * Per-request batching for a page of cases: one query for all their watchers, one for all their links,
 * however many cases the page holds. The loaders live on the request object and die with it.
 */
@Injectable()
export class CasesLoaders {
  constructor(private readonly relations: CaseRelationsService) {}

  readonly of = perRequest((): CaseLoaders => ({
    watchers: new DataLoader(async (ids) => {
      const byCase = await this.relations.watchersOf(ids);
      return ids.map((id) => byCase.get(id) ?? []);
    }),
    links: new DataLoader(async (ids) => {
      const byCase = await this.relations.linksOf(ids);
      return ids.map((id) => byCase.get(id) ?? []);
    }),
  }));
}
