import { csatSurvey, selfAssessmentSurvey } from '@homeroom/surveys/domain';
import type { SurveyService } from '../services/survey.service';
import { SurveyEntity } from '../entities/survey.entities';
import type { DataSource } from 'typeorm';

/**
 * The surveys every district starts with, once: the satisfaction survey after each case (open), and the
 * customer-service self-assessment for staff (a draft, ready to send).
 */
export async function seedSurveyDefaults(
  dataSource: DataSource,
  surveys: SurveyService,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  if (!(await dataSource.manager.existsBy(SurveyEntity, { kind: 'CSAT' }))) {
    await surveys.create({
      kind: 'CSAT',
      name: 'Satisfaction after a case',
      status: 'OPEN',
      definition: csatSurvey(),
    });
    created.push('Satisfaction after a case');
  }
  const assessment = 'Customer service self-assessment';
  if (!(await dataSource.manager.existsBy(SurveyEntity, { kind: 'DISTRICT', name: assessment }))) {
    await surveys.create({
      kind: 'DISTRICT',
      name: assessment,
      status: 'DRAFT',
      definition: selfAssessmentSurvey(),
    });
    created.push(assessment);
  }
  return { created };
}
