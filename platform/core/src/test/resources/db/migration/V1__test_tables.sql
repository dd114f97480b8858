create table orders (id uuid primary key, reference text not null, created_at timestamptz not null default now());
create table recorded (number integer not null);
-- No unique constraint on purpose: a duplicate delivery that got through would show as a second row.
create table received (event_id text not null, number integer not null);
