ALTER TABLE shelves ADD COLUMN label text;
