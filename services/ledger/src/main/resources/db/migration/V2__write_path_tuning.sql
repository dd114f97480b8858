-- Measured with bench/ (docs/performance.md): the two foreign keys cost a third of the batch INSERT, and balance
-- updates that cannot be HOT bloat the accounts table.
--
-- The writer locks both accounts of every transfer (SELECT … FOR UPDATE) before it inserts, accounts are never
-- deleted (they close), so the foreign keys could never fire: the engine refuses unknown accounts first.
alter table transfers drop constraint transfers_debit_account_id_fkey;
alter table transfers drop constraint transfers_credit_account_id_fkey;

-- Room on each page for the new version of a row, so balance updates stay on the page (HOT) and vacuum keeps up.
alter table accounts set (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.05);
