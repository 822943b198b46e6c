-- The looked-after and care-leaver timescales need what meets them: the placement plan agreed (reg 9),
-- the time a missing child returned (the return home interview within 72 hours), the strategy
-- meeting held for a missing child (0013 added those three with the recording pages), and the care
-- leaver's needs assessment (reg 42).
ALTER TABLE "care_leavers" ADD COLUMN "needs_assessment_date" date;
