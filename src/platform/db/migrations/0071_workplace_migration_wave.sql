-- A member's migration wave to a service (issue 11 §2), carried by its subscription: planned and
-- actual dates (each pair ordered), accounts planned and migrated (non-negative integers; the
-- remaining ones are computed, never stored). All null: no wave planned.
ALTER TABLE workplace_subscription
  ADD COLUMN wave_label text,
  ADD COLUMN wave_planned_start date,
  ADD COLUMN wave_planned_end date,
  ADD COLUMN wave_actual_start date,
  ADD COLUMN wave_actual_end date,
  ADD COLUMN accounts_planned integer CHECK (accounts_planned >= 0),
  ADD COLUMN accounts_migrated integer CHECK (accounts_migrated >= 0),
  ADD CONSTRAINT workplace_wave_planned_order CHECK (wave_planned_end IS NULL OR wave_planned_start IS NULL OR wave_planned_end >= wave_planned_start),
  ADD CONSTRAINT workplace_wave_actual_order CHECK (wave_actual_end IS NULL OR wave_actual_start IS NULL OR wave_actual_end >= wave_actual_start);
