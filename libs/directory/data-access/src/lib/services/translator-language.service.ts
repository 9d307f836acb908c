import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { normalizeLanguageTag } from '@homeroom/shared/contact';
import { TranslatorLanguagesChanged } from '@homeroom/directory/contracts';
import { PersonEntity } from '../entities';

/** A district has a handful of languages; a list longer than this is a mistake. */
const MAX_LANGUAGES = 20;

/**
 * Qualified translators (issue 22, ADR 32): the languages a staff member may review vital messages in, set
 * by district administrators and announced whole (TranslatorLanguagesChanged), which the cases service
 * keeps to decide who reviews. Kept as primary tags: a translator of Spanish reads es-MX as well.
 */
@Injectable()
export class TranslatorLanguageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Replaces a staff member's translator languages (an empty list: none). */
  async set(personId: string, languages: readonly string[]): Promise<string[]> {
    if (languages.length > MAX_LANGUAGES)
      throw new InvalidInputException(`At most ${MAX_LANGUAGES} languages`, [
        { path: 'languages', message: `at most ${MAX_LANGUAGES}` },
      ]);
    const tags = [
      ...new Set(
        languages.map((tag, i) => normalizeLanguageTag(tag, `languages.${i}`).toLowerCase().split('-')[0]!),
      ),
    ].sort();
    return inTransaction(this.dataSource, async (manager) => {
      const person = await manager.findOne(PersonEntity, {
        where: { id: personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw new NotFoundException('Person');
      if (person.kind !== 'STAFF' && tags.length > 0)
        throw new InvalidInputException(
          'Only staff review messages',
          [{ path: 'personId', message: `is ${person.kind}` }],
          'NOT_STAFF',
        );
      await manager.query('DELETE FROM translator_language WHERE person_id = $1', [personId]);
      if (tags.length)
        await manager.query(
          'INSERT INTO translator_language (person_id, language) SELECT $1, unnest($2::text[])',
          [personId, tags],
        );
      await this.outbox.append(manager, TranslatorLanguagesChanged, {
        aggregateId: personId,
        data: { personId, languages: tags },
      });
      return tags;
    });
  }

  /** Each person's translator languages, in one query ([] for those with none). */
  async forPeople(personIds: readonly string[]): Promise<Map<string, string[]>> {
    const byPerson = new Map<string, string[]>(personIds.map((id) => [id, []]));
    if (!personIds.length) return byPerson;
    const rows = (await this.dataSource.query(
      `SELECT person_id, language FROM translator_language WHERE person_id = ANY($1::uuid[]) ORDER BY language`,
      [[...new Set(personIds)]],
    )) as { person_id: string; language: string }[];
    for (const row of rows) byPerson.get(row.person_id)?.push(row.language);
    return byPerson;
  }
}
