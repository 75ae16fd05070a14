//! Loading of lexicon data files (to be written).
