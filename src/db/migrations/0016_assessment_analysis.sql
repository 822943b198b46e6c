-- An assessment's analysis (issue 9): what the child and family assessment found and why its outcome,
-- recorded when the assessment is authorised and shown on the child's chronology.
ALTER TABLE "assessments" ADD COLUMN "analysis" text;
