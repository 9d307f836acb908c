import { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  it.each([
    ['caseNumber', 'case_number'],
    ['firstResponseDueAt', 'first_response_due_at'],
    ['NCESId', 'nces_id'],
    ['schoolId', 'school_id'],
    ['already_snake', 'already_snake'],
  ])('%s → %s', (input, output) => {
    expect(snakeCase(input)).toBe(output);
  });

  it('names tables, columns and join columns in snake_case', () => {
    const strategy = new SnakeNamingStrategy();
    expect(strategy.tableName('CaseMessage', undefined)).toBe('case_message');
    expect(strategy.tableName('CaseMessage', 'messages')).toBe('messages');
    expect(strategy.columnName('dueAt', undefined, ['firstResponse'])).toBe('first_response_due_at');
    expect(strategy.joinColumnName('assignedTeam', 'id')).toBe('assigned_team_id');
  });
});
