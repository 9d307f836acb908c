import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const CATEGORY =
  'mutation($names: [LocalizedNameInput!]!) { createKnowledgeCategory(names: $names) { id name names { language name } } }';
const CREATE =
  'mutation($input: NewKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id slug status schoolId translations { language title body } publishedVersion } }';
const UPDATE =
  'mutation($id: ID!, $input: KnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $input) { id status publishedVersion } }';
const SUBMIT = 'mutation($id: ID!) { submitKnowledgeArticle(id: $id) { id status } }';
const PUBLISH =
  'mutation($id: ID!) { publishKnowledgeArticle(id: $id) { id status publishedVersion publishedAt } }';
const ARCHIVE = 'mutation($id: ID!) { archiveKnowledgeArticle(id: $id) { id status } }';
const ARTICLE =
  'query($id: ID!) { knowledgeArticle(id: $id) { id status answeredCount helpfulCount notHelpfulCount } }';
const SEARCH =
  'query($language: String!, $search: String, $school: ID, $category: ID) { helpArticles(language: $language, search: $search, schoolId: $school, categoryId: $category) { id slug language title summary } }';
const READ =
  'query($slug: String!, $language: String!) { helpArticle(slug: $slug, language: $language) { id language title bodyHtml languages } }';
const SUGGEST =
  'query($text: String!, $language: String!, $school: ID) { suggestHelpArticles(text: $text, language: $language, schoolId: $school) { id title } }';

describe('cases: the knowledge base and the help center', () => {
  const suite = useCasesSuite('cases-knowledge-base');
  const { schoolId, otherSchoolId, agent, outsider, viewer, admin, graphql } = suite;
  const schoolAdmin = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId });
  const ok = async (
    query: string,
    variables: Record<string, unknown>,
    who?: Parameters<typeof graphql>[2],
  ) => {
    const result = await graphql(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Json;
  };
  const refusal = async (
    query: string,
    variables: Record<string, unknown>,
    who?: Parameters<typeof graphql>[2],
  ) => ((await graphql(query, variables, who)).errors?.[0]?.extensions ?? null) as Json;

  /** A school article about a bus stop moving, in English and Spanish, written by the school's agent. */
  const busStopArticle = async (school: string | null = schoolId, who = agent) =>
    (
      await ok(
        CREATE,
        {
          input: {
            schoolId: school,
            topicId: suite.topicId,
            translations: [
              {
                language: 'en',
                title: `Bus stops closing for construction ${randomUUID().slice(0, 4)}`,
                body: '<h2>Closed stops</h2><p>The stop at Elm Street is closed; buses stop at Oak Street.</p>',
              },
              {
                language: 'es',
                title: 'Paradas de autobús cerradas por obras',
                body: '<p>La parada de la calle Elm está cerrada; los autobuses paran en la calle Oak.</p>',
              },
            ],
          },
        },
        who,
      )
    ).createKnowledgeArticle;

  it('takes a draft through review to the help center, sanitized, versioned and announced', async () => {
    const category = (
      await ok(
        CATEGORY,
        {
          names: [
            { language: 'en', name: 'Transportation' },
            { language: 'es', name: 'Transporte' },
          ],
        },
        admin,
      )
    ).createKnowledgeCategory;
    expect(category.names).toHaveLength(2);
    const categories = (await ok('{ helpCategories(language: "es-MX") { id name } }', {})).helpCategories;
    expect(categories).toContainEqual({ id: category.id, name: 'Transporte' });

    const draft = (
      await ok(
        CREATE,
        {
          input: {
            schoolId,
            categoryId: category.id,
            translations: [
              {
                language: 'en',
                title: 'Snow days & late starts',
                body: '<p onclick="steal()">When it snows<script>alert(1)</script>, check <a href="javascript:alert(1)">here</a>.</p>',
              },
            ],
          },
        },
        agent,
      )
    ).createKnowledgeArticle;
    expect(draft).toMatchObject({ status: 'DRAFT', schoolId, publishedVersion: null });
    expect(draft.slug).toMatch(/^snow-days-late-starts(-\d+)?$/);
    expect(draft.translations[0].body).toBe(
      '<p>When it snows, check <a rel="noopener noreferrer">here</a>.</p>',
    );
    // Not in the help center until published.
    expect((await ok(SEARCH, { language: 'en', search: 'snow', school: schoolId })).helpArticles).toEqual([]);

    // The agent sends it for review; only a keeper publishes, and only from a draft or in review.
    expect((await ok(SUBMIT, { id: draft.id }, agent)).submitKnowledgeArticle.status).toBe('IN_REVIEW');
    expect((await refusal(PUBLISH, { id: draft.id }, agent)).code).toBe('FORBIDDEN');
    const published = (await ok(PUBLISH, { id: draft.id }, schoolAdmin)).publishKnowledgeArticle;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1 });
    expect(await refusal(PUBLISH, { id: draft.id }, admin)).toMatchObject({
      code: 'CONFLICT',
      reason: 'ARTICLE_PUBLISHED',
    });
    const [event] = await suite.eventsOf(draft.id, 'cases.ArticlePublished');
    expect(event.data).toMatchObject({
      articleId: draft.id,
      version: 1,
      languages: ['en'],
      schoolId,
      categoryId: category.id,
    });

    // Families of the school find it (English stemming: "snowing" finds "snows"); the district's help center does not show it.
    const found = (await ok(SEARCH, { language: 'en', search: 'snowing', school: schoolId })).helpArticles;
    expect(found).toEqual([
      expect.objectContaining({
        id: draft.id,
        slug: draft.slug,
        language: 'en',
        summary: 'When it snows, check here.',
      }),
    ]);
    expect((await ok(SEARCH, { language: 'en', search: 'snowing' })).helpArticles).toEqual([]);
    expect(
      (await ok(SEARCH, { language: 'en', search: 'snowing', school: otherSchoolId })).helpArticles,
    ).toEqual([]);
    expect(
      (await ok(SEARCH, { language: 'en', school: schoolId, category: category.id })).helpArticles.map(
        (a: Json) => a.id,
      ),
    ).toEqual([draft.id]);

    // An edit is a new draft: the help center keeps version 1 until version 2 is published.
    const edited = (
      await ok(
        UPDATE,
        {
          id: draft.id,
          input: {
            categoryId: category.id,
            translations: [
              {
                language: 'en',
                title: 'Snow days & late starts',
                body: '<p>Snow days are announced by 5:30 a.m.</p>',
              },
            ],
          },
        },
        agent,
      )
    ).updateKnowledgeArticle;
    expect(edited).toMatchObject({ status: 'DRAFT', publishedVersion: 1 });
    expect((await ok(READ, { slug: draft.slug, language: 'en' })).helpArticle.bodyHtml).toContain(
      'When it snows',
    );
    await ok(PUBLISH, { id: draft.id }, admin);
    expect((await ok(READ, { slug: draft.slug, language: 'en' })).helpArticle.bodyHtml).toBe(
      '<p>Snow days are announced by 5:30 a.m.</p>',
    );
    const versions = (
      await ok(
        'query($id: ID!) { knowledgeArticleVersions(id: $id) { version translations { body } } }',
        { id: draft.id },
        viewer,
      )
    ).knowledgeArticleVersions;
    expect(versions.map((v: Json) => v.version)).toEqual([2, 1]);

    // Archived, it leaves the help center; its history stays.
    expect((await ok(ARCHIVE, { id: draft.id }, schoolAdmin)).archiveKnowledgeArticle.status).toBe(
      'ARCHIVED',
    );
    expect(await refusal(READ, { slug: draft.slug, language: 'en' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusal(
        UPDATE,
        { id: draft.id, input: { translations: [{ language: 'en', title: 'x', body: 'y' }] } },
        agent,
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'ARTICLE_ARCHIVED' });

    // Through publication, a new version and archiving, each word's count of live texts stayed exact.
    const [{ wrong }] = await suite.database.dataSource.query(
      `SELECT count(*)::int AS wrong
         FROM (SELECT t.search_config, w.lexeme, count(*)::int AS n
                 FROM kb_article_text t CROSS JOIN unnest(t.search_vector) AS w GROUP BY 1, 2) live
         FULL JOIN kb_lexeme k USING (search_config, lexeme)
        WHERE coalesce(live.n, 0) <> coalesce(k.texts, 0)`,
    );
    expect(wrong).toBe(0);
  });

  it("answers each family in their language where it can, with that language's stemmer, else the district's", async () => {
    const article = await busStopArticle();
    await ok(PUBLISH, { id: article.id }, admin);
    // Spanish stemming: "autobuses" and "cerrada" find "autobús"… and "cerradas".
    const spanish = (await ok(SEARCH, { language: 'es-MX', search: 'autobuses cerrada', school: schoolId }))
      .helpArticles;
    expect(spanish).toEqual([
      expect.objectContaining({
        id: article.id,
        language: 'es',
        title: 'Paradas de autobús cerradas por obras',
      }),
    ]);
    const read = (await ok(READ, { slug: article.slug, language: 'es' })).helpArticle;
    expect(read).toMatchObject({ language: 'es', languages: ['en', 'es'] });
    // No Vietnamese text: the district's English, found by English words.
    const vietnamese = (await ok(SEARCH, { language: 'vi', search: 'closing', school: schoolId }))
      .helpArticles;
    expect(vietnamese).toEqual([expect.objectContaining({ id: article.id, language: 'en' })]);
    expect(await refusal(SEARCH, { language: 'not a language', search: 'x' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('suggests articles while a family writes, and counts what they say of them', async () => {
    const article = await busStopArticle();
    await ok(PUBLISH, { id: article.id }, admin);
    const suggestions = (
      await ok(SUGGEST, {
        text: 'Hola, la parada de autobús de nuestra calle está cerrada y mi hija no sabe dónde esperar.',
        language: 'es',
        school: schoolId,
      })
    ).suggestHelpArticles;
    expect(suggestions.map((s: Json) => s.id)).toContain(article.id);
    // The rarest words decide: an article that shares only the message's common words comes after it.
    const common = (
      await ok(
        CREATE,
        {
          input: {
            schoolId,
            translations: [
              { language: 'en', title: 'Our school', body: '<p>Our school and our street.</p>' },
              {
                language: 'es',
                title: 'Nuestra escuela',
                body: '<p>Nuestra escuela está en nuestra calle.</p>',
              },
            ],
          },
        },
        agent,
      )
    ).createKnowledgeArticle;
    await ok(PUBLISH, { id: common.id }, admin);
    const ranked = (
      await ok(SUGGEST, {
        text: 'Nuestra escuela, nuestra calle: la parada cerrada.',
        language: 'es',
        school: schoolId,
      })
    ).suggestHelpArticles.map((s: Json) => s.id);
    expect(ranked.indexOf(article.id)).toBeGreaterThanOrEqual(0);
    expect(ranked.indexOf(common.id) === -1 || ranked.indexOf(common.id) > ranked.indexOf(article.id)).toBe(
      true,
    );
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(
      (await ok(SUGGEST, { text: '¿?!', language: 'es', school: schoolId })).suggestHelpArticles,
    ).toEqual([]);

    await ok('mutation($id: ID!) { markHelpArticleAnswered(articleId: $id, language: "es") }', {
      id: article.id,
    });
    await ok('mutation($id: ID!) { rateHelpArticle(articleId: $id, helpful: true) }', { id: article.id });
    await ok('mutation($id: ID!) { rateHelpArticle(articleId: $id, helpful: false) }', { id: article.id });
    expect((await ok(ARTICLE, { id: article.id }, agent)).knowledgeArticle).toMatchObject({
      answeredCount: 1,
      helpfulCount: 1,
      notHelpfulCount: 1,
    });
    // Feedback on an article that is not live, or none at all, is refused.
    const draft = await busStopArticle();
    expect(
      await refusal('mutation($id: ID!) { markHelpArticleAnswered(articleId: $id) }', { id: draft.id }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await refusal('mutation($id: ID!) { rateHelpArticle(articleId: $id, helpful: true) }', {
        id: randomUUID(),
      }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });

    // The dashboard's deflection: the topic's answered questions beside its cases.
    await suite.submit();
    const range = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const deflection = (
      await ok(
        'query($range: DateRangeInput!) { helpCenterDeflection(range: $range) { topic { id } answered helpful notHelpful opened deflectionRate } }',
        { range },
        admin,
      )
    ).helpCenterDeflection;
    const row = deflection.find((d: Json) => d.topic?.id === suite.topicId);
    expect(row).toMatchObject({ answered: 1, helpful: 1, notHelpful: 1 });
    expect(row.opened).toBeGreaterThanOrEqual(1);
    expect(row.deflectionRate).toBeCloseTo(1 / (1 + row.opened));
  });

  it('keeps an article’s images and documents: for staff until published, then for anyone while it is live', async () => {
    const PNG =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const ADD =
      'mutation($a: ID!, $f: AttachmentInput!) { addKnowledgeArticleFile(articleId: $a, file: $f) { id fileName contentType image published url } }';
    const REMOVE = 'mutation($a: ID!, $f: ID!) { removeKnowledgeArticleFile(articleId: $a, fileId: $f) }';
    const origin = (await suite.nest.getUrl()).replace('[::1]', '127.0.0.1');
    const get = (url: string) => fetch(new URL(url, origin));
    const article = await busStopArticle();

    const map = (
      await ok(
        ADD,
        { a: article.id, f: { fileName: 'bus map.png', contentType: 'image/png', contentBase64: PNG } },
        agent,
      )
    ).addKnowledgeArticleFile;
    expect(map).toMatchObject({
      fileName: 'bus map.png',
      contentType: 'image/png',
      image: true,
      published: false,
    });
    const path = `/attachments/articles/${map.id}/bus%20map.png`;
    expect(map.url).toMatch(new RegExp(`^${path}\\?expires=\\d+&signature=`));
    // Staff preview the draft's image by its signed link; the public path opens nothing yet.
    const preview = await get(map.url);
    expect([
      preview.status,
      preview.headers.get('content-type'),
      preview.headers.get('cache-control'),
    ]).toEqual([200, 'image/png', 'private, no-store']);
    expect(Buffer.from(await preview.arrayBuffer()).toString('base64')).toBe(PNG);
    expect((await get(path)).status).toBe(404);
    expect((await get(`${path}?expires=9999999999&signature=forged`)).status).toBe(403);

    // The draft shows it; publishing makes it the help center's, served inline and cached briefly.
    await ok(
      UPDATE,
      {
        id: article.id,
        input: {
          translations: [
            {
              language: 'en',
              title: 'Bus stops closing',
              body: `<p>The new stops:</p><img src="${path}" alt="Map">`,
            },
          ],
        },
      },
      agent,
    );
    await ok(SUBMIT, { id: article.id }, agent);
    const published = (await ok(PUBLISH, { id: article.id }, schoolAdmin)).publishKnowledgeArticle;
    const live = await get(path);
    expect([
      live.status,
      live.headers.get('content-disposition'),
      live.headers.get('cache-control'),
      live.headers.get('x-content-type-options'),
    ]).toEqual([
      200,
      `inline; filename="bus map.png"; filename*=UTF-8''bus%20map.png`,
      'public, max-age=300',
      'nosniff',
    ]);
    const read = await ok(
      'query($slug: String!) { helpArticle(slug: $slug, language: "en") { bodyHtml files { id url published image } } }',
      { slug: article.slug },
    );
    expect(read.helpArticle.bodyHtml).toContain(`<img alt="Map" src="${path}" />`);
    expect(read.helpArticle.files).toEqual([{ id: map.id, url: path, published: true, image: true }]);
    expect(published.publishedVersion).toBe(1);

    // A document added since waits for the next publication; a removal the live version needs is refused.
    const form = (
      await ok(
        ADD,
        {
          a: article.id,
          f: {
            fileName: 'form.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
          },
        },
        agent,
      )
    ).addKnowledgeArticleFile;
    expect(form).toMatchObject({ image: false, published: false });
    expect((await get(`/attachments/articles/${form.id}/form.pdf`)).status).toBe(404);
    expect((await ok(READ, { slug: article.slug, language: 'en' })).helpArticle).toBeTruthy();
    expect(
      (
        await ok('query($slug: String!) { helpArticle(slug: $slug) { files { id } } }', {
          slug: article.slug,
        })
      ).helpArticle.files,
    ).toEqual([{ id: map.id }]);
    expect(await refusal(REMOVE, { a: article.id, f: map.id }, agent)).toMatchObject({
      code: 'CONFLICT',
      reason: 'FILE_IN_USE',
    });
    expect((await ok(REMOVE, { a: article.id, f: form.id }, agent)).removeKnowledgeArticleFile).toBe(true);

    // Who may not write the article may not add to it; what the policy refuses is refused, nothing kept.
    expect(
      await refusal(
        ADD,
        { a: article.id, f: { fileName: 'x.png', contentType: 'image/png', contentBase64: PNG } },
        outsider,
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusal(
        ADD,
        {
          a: article.id,
          f: {
            fileName: 'run.exe',
            contentType: 'application/octet-stream',
            contentBase64: 'TVqQAAMAAAAEAAAA',
          },
        },
        agent,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(
      (
        await ok(
          'query($id: ID!) { knowledgeArticle(id: $id) { files { fileName } } }',
          { id: article.id },
          agent,
        )
      ).knowledgeArticle.files,
    ).toEqual([{ fileName: 'bus map.png' }]);

    // Archived, the article takes its files out of the help center.
    await ok(ARCHIVE, { id: article.id }, schoolAdmin);
    expect((await get(path)).status).toBe(404);
  });

  it("keeps each school's articles to its staff, and district-wide ones to district staff", async () => {
    const article = await busStopArticle();
    expect(await refusal(ARTICLE, { id: article.id }, outsider)).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusal(
        UPDATE,
        { id: article.id, input: { translations: [{ language: 'en', title: 'x', body: 'y' }] } },
        outsider,
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok(ARTICLE, { id: article.id }, viewer)).knowledgeArticle.id).toBe(article.id);
    const listed = async (who: Json) =>
      (
        await ok('{ knowledgeArticles(first: 100) { edges { node { id } } } }', {}, who)
      ).knowledgeArticles.edges.map((e: Json) => e.node.id);
    expect(await listed(agent)).toContain(article.id);
    expect(await listed(outsider)).not.toContain(article.id);
    expect(
      await refusal(
        CREATE,
        { input: { schoolId: otherSchoolId, translations: [{ language: 'en', title: 'x', body: 'y' }] } },
        agent,
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_YOUR_SCHOOLS' });
    expect(
      await refusal(CREATE, { input: { translations: [{ language: 'en', title: 'x', body: 'y' }] } }, agent),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_YOUR_SCHOOLS',
    });
    const district = await busStopArticle(null, admin);
    expect(await refusal(PUBLISH, { id: district.id }, schoolAdmin)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ARTICLE_KEEPERS_ONLY',
    });
  });

  it('refuses what cannot be an article: no text once made safe, no district language, unknown references', async () => {
    const create = (input: Json) => refusal(CREATE, { input: { schoolId, ...input } }, agent);
    expect(
      await create({
        translations: [
          { language: 'en', title: 'Hi', body: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
        ],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await create({ translations: [{ language: 'es', title: 'Hola', body: 'Hola' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MISSING_DEFAULT_LANGUAGE',
    });
    expect(
      await create({ categoryId: randomUUID(), translations: [{ language: 'en', title: 'Hi', body: 'Hi' }] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await refusal(CATEGORY, { names: [{ language: 'es', name: 'Transporte' }] }, admin)).toMatchObject(
      {
        reason: 'MISSING_DEFAULT_LANGUAGE',
      },
    );
  });
});
