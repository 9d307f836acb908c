/**
 * The starter topic taxonomy: the two levels a new district gets (the cases service seeds its topics from
 * this) and the classifier's starter set is written for. The classifier's labels are the subtopic names.
 */
export const TRIAGE_TAXONOMY: Readonly<Record<string, readonly string[]>> = {
  Transportation: ['Bus delay', 'Bus stop or route', 'Driver conduct', 'Eligibility'],
  Enrollment: ['New student', 'Transfer', 'Records request'],
  Academics: ['Grades', 'Homework', 'Special education', 'Gifted programs'],
  'Safety and conduct': ['Bullying', 'Discipline', 'Safety concern'],
  'Food services': ['Meal account', 'Menu and allergies', 'Free and reduced meals'],
  Facilities: ['Building issue', 'Technology'],
  Communication: ['Website', 'Notifications', 'Compliment', 'General question'],
};

/** Every subtopic, in taxonomy order. */
export const TRIAGE_LABELS: readonly string[] = Object.values(TRIAGE_TAXONOMY).flat();
