-- One database and one owner per service: no service reads another's tables.
create user partner with password 'partner';
create database partner owner partner;
create user token_vault with password 'token_vault';
create database token_vault owner token_vault;
create user sync with password 'sync';
create database sync owner sync;
create user user_directory with password 'user_directory';
create database user_directory owner user_directory;
