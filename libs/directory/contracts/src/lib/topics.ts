/** The directory's topics, one per aggregate: `directory.<aggregate>.v1`. */
export const DIRECTORY_TOPICS = {
  school: 'directory.school.v1',
  person: 'directory.person.v1',
  team: 'directory.team.v1',
} as const;
