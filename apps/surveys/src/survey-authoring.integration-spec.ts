import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import { useSurveysSuite } from './testing/surveys-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('surveys: writing and listing surveys', () => {
  const suite = useSurveysSuite('surveys-survey-authoring');
  const { agent, graphql } = suite;

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'surveys', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }')).data._service.sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Case\s+@key\(fields: "id"\)/);
    expect(generated).toMatch(
      /satisfaction\(range: DateRangeInput!, schoolId: ID, topicId: ID\): SatisfactionSummary!/,
    );
    expect(generated).toMatch(/\bnps\(range: DateRangeInput!\): NpsResult!/);
  });

  it('lists the district’s surveys with their questions in the language asked for', async () => {
    const result = await graphql(`
      {
        surveys(first: 10) {
          totalCount
          edges {
            node {
              kind
              name
              status
              version
              languages
              title(language: "es")
              questions {
                id
                kind
              }
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.surveys.edges.map((edge: Json) => edge.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'CSAT',
          status: 'OPEN',
          title: '¿Cómo lo hicimos?',
          languages: ['en', 'es'],
        }),
        expect.objectContaining({
          kind: 'DISTRICT',
          name: 'Customer service self-assessment',
          status: 'DRAFT',
        }),
      ]),
    );
    expect((await graphql('{ surveys { totalCount } }', {}, agent)).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('keeps the audiences a survey is written for, and gives every translation as written to edit it', async () => {
    const created = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
              audiences
            }
          }
        }
      `,
      {
        input: {
          name: 'Family and community pulse',
          defaultLanguage: 'en',
          audiences: ['COMMUNITY', 'FAMILIES', 'COMMUNITY'],
          title: [
            { language: 'en', text: 'How are we doing?' },
            { language: 'es', text: '¿Cómo lo estamos haciendo?' },
          ],
          questions: [
            {
              id: 'visit',
              kind: 'SCALE',
              max: 5,
              text: [
                { language: 'en', text: 'How was your last visit?' },
                { language: 'es', text: '¿Cómo fue su última visita?' },
              ],
              lowLabel: [
                { language: 'en', text: 'Poor' },
                { language: 'es', text: 'Mala' },
              ],
            },
            {
              id: 'reach',
              kind: 'SINGLE_CHOICE',
              text: [{ language: 'en', text: 'How do you reach us?' }],
              choices: [
                {
                  id: 'phone',
                  text: [
                    { language: 'en', text: 'Phone' },
                    { language: 'es', text: 'Teléfono' },
                  ],
                },
                { id: 'email', text: [{ language: 'en', text: 'Email' }] },
              ],
            },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const { id, audiences } = created.data.createSurvey.survey;
    expect(audiences).toEqual(['COMMUNITY', 'FAMILIES']);

    const read = await graphql(
      `
        query ($id: ID!) {
          survey(id: $id, language: "es") {
            audiences
            languages
            title
            questions {
              id
              text
              choices {
                id
                text
              }
            }
            translations {
              language
              title
              questions {
                questionId
                text
                lowLabel
                highLabel
                choices {
                  choiceId
                  text
                }
              }
            }
          }
        }
      `,
      { id },
    );
    expect(read.errors).toBeUndefined();
    const survey = read.data.survey;
    expect(survey).toMatchObject({
      audiences: ['COMMUNITY', 'FAMILIES'],
      languages: ['en', 'es'],
      title: '¿Cómo lo estamos haciendo?',
    });
    // Asked in Spanish: missing translations fall back to English; the translations do not.
    expect(survey.questions[1]).toEqual({
      id: 'reach',
      text: 'How do you reach us?',
      choices: [
        { id: 'phone', text: 'Teléfono' },
        { id: 'email', text: 'Email' },
      ],
    });
    expect(survey.translations).toEqual([
      {
        language: 'en',
        title: 'How are we doing?',
        questions: [
          {
            questionId: 'visit',
            text: 'How was your last visit?',
            lowLabel: 'Poor',
            highLabel: null,
            choices: null,
          },
          {
            questionId: 'reach',
            text: 'How do you reach us?',
            lowLabel: null,
            highLabel: null,
            choices: [
              { choiceId: 'phone', text: 'Phone' },
              { choiceId: 'email', text: 'Email' },
            ],
          },
        ],
      },
      {
        language: 'es',
        title: '¿Cómo lo estamos haciendo?',
        questions: [
          {
            questionId: 'visit',
            text: '¿Cómo fue su última visita?',
            lowLabel: 'Mala',
            highLabel: null,
            choices: null,
          },
          {
            questionId: 'reach',
            text: null,
            lowLabel: null,
            highLabel: null,
            choices: [
              { choiceId: 'phone', text: 'Teléfono' },
              { choiceId: 'email', text: null },
            ],
          },
        ],
      },
    ]);

    // The draft edited from what it gives back, with new audiences: saved in place, read back the same.
    const edited = await graphql(
      `
        mutation ($id: ID!, $input: SurveyInput!) {
          updateSurvey(id: $id, input: $input) {
            versionAction
            survey {
              version
              audiences
              translations {
                language
                title
              }
            }
          }
        }
      `,
      {
        id,
        input: {
          name: 'Family and community pulse',
          defaultLanguage: 'en',
          audiences: ['FAMILIES'],
          title: [
            { language: 'en', text: 'How are we doing?' },
            { language: 'es', text: '¿Qué tal lo hacemos?' },
          ],
          questions: [
            {
              id: 'visit',
              kind: 'SCALE',
              max: 5,
              text: [
                { language: 'en', text: 'How was your last visit?' },
                { language: 'es', text: '¿Cómo fue su última visita?' },
              ],
              lowLabel: [
                { language: 'en', text: 'Poor' },
                { language: 'es', text: 'Mala' },
              ],
            },
          ],
        },
      },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateSurvey).toEqual({
      versionAction: 'EDIT_IN_PLACE',
      survey: {
        version: 1,
        audiences: ['FAMILIES'],
        translations: [
          { language: 'en', title: 'How are we doing?' },
          { language: 'es', title: '¿Qué tal lo hacemos?' },
        ],
      },
    });
  });
});
