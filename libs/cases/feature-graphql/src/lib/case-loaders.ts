import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CaseRelationsService, type CaseLinkRow } from '@homeroom/cases/data-access';

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
  private readonly perRequest = new WeakMap<object, CaseLoaders>();

  constructor(private readonly relations: CaseRelationsService) {}

  of(request: object): CaseLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = {
        watchers: new DataLoader(async (ids) => {
          const byCase = await this.relations.watchersOf(ids);
          return ids.map((id) => byCase.get(id) ?? []);
        }),
        links: new DataLoader(async (ids) => {
          const byCase = await this.relations.linksOf(ids);
          return ids.map((id) => byCase.get(id) ?? []);
        }),
      };
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
