import { codeList } from './code-list.js';

/**
 * CIN census FactorsIdentifiedAtAssessment / AssessmentFactors (also the SSD's
 * cinf_assessment_factors_json). Suffix A = concern about the child, B = about a parent or carer,
 * C = about another person in the household; 8B-8F are private fostering arrangements.
 * 21 ("no factors identified") cannot be combined with another factor (rule 8869); no duplicates (8898).
 * 18A and 19A are deprecated: from 2024-25 the CIN validator queries them (8945Q / 8950Q: "18B or
 * 18C should be used instead", likewise 19B/19C), so their last collection year here is 2023-24.
 * The domain reference does not say when 18B/18C/19B/19C were introduced, so they carry no validFrom.
 */
export const assessmentFactors = codeList('Factor identified at assessment', 'DfE CIN census specification, AssessmentFactors', [
  { code: '1A', label: 'Alcohol misuse: child' },
  { code: '1B', label: 'Alcohol misuse: parent or carer' },
  { code: '1C', label: 'Alcohol misuse: other person in the household' },
  { code: '2A', label: 'Drug misuse: child' },
  { code: '2B', label: 'Drug misuse: parent or carer' },
  { code: '2C', label: 'Drug misuse: other person in the household' },
  { code: '3A', label: 'Domestic abuse: child' },
  { code: '3B', label: 'Domestic abuse: parent or carer' },
  { code: '3C', label: 'Domestic abuse: other person in the household' },
  { code: '4A', label: 'Mental health: child' },
  { code: '4B', label: 'Mental health: parent or carer' },
  { code: '4C', label: 'Mental health: other person in the household' },
  { code: '5A', label: 'Learning disability: child' },
  { code: '5B', label: 'Learning disability: parent or carer' },
  { code: '5C', label: 'Learning disability: other person in the household' },
  { code: '6A', label: 'Physical disability or illness: child' },
  { code: '6B', label: 'Physical disability or illness: parent or carer' },
  { code: '6C', label: 'Physical disability or illness: other person in the household' },
  { code: '7A', label: 'Young carer' },
  { code: '8B', label: 'Privately fostered: overseas child who intends to return' },
  { code: '8C', label: 'Privately fostered: overseas child who intends to stay' },
  { code: '8D', label: 'Privately fostered: UK child in an educational placement' },
  { code: '8E', label: 'Privately fostered: UK child making an alternative family arrangement' },
  { code: '8F', label: 'Privately fostered: other' },
  { code: '9A', label: 'Unaccompanied asylum-seeking child' },
  { code: '10A', label: 'Going or being missing' },
  { code: '11A', label: 'Child sexual exploitation' },
  { code: '12A', label: 'Trafficking' },
  { code: '13A', label: 'Gangs' },
  { code: '14A', label: 'Socially unacceptable behaviour' },
  { code: '15A', label: 'Self-harm' },
  { code: '16A', label: 'Neglect' },
  { code: '17A', label: 'Emotional abuse' },
  { code: '18A', label: 'Physical abuse (superseded by 18B and 18C)', validTo: '2023-24' },
  { code: '18B', label: 'Physical abuse: child on child' },
  { code: '18C', label: 'Physical abuse: adult on child' },
  { code: '19A', label: 'Sexual abuse (superseded by 19B and 19C)', validTo: '2023-24' },
  { code: '19B', label: 'Sexual abuse: child on child' },
  { code: '19C', label: 'Sexual abuse: adult on child' },
  { code: '20', label: 'Other' },
  { code: '21', label: 'No factors identified' },
  { code: '22A', label: 'Female genital mutilation' },
  { code: '23A', label: 'Abuse linked to faith or belief' },
  { code: '24A', label: 'Child criminal exploitation' },
]);
