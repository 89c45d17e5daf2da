-- Issue 10 (items 2 and 4): the lock of an account after five failures, from anywhere, was a
-- weapon (anyone could lock anyone out) and an oracle (unknown addresses never locked). Sign-in
-- attempts are throttled instead by src/access/app/sign-in-throttle.ts over `login_failure`
-- (per address, per login and address, a soft limit per login that known addresses pass).
ALTER TABLE account DROP COLUMN failed_attempts;
ALTER TABLE account DROP COLUMN locked_until;
