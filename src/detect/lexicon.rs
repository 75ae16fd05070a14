//! Kept for the comparison and the index, which read their own word lists: the lexicon reader
//! is [`crate::text::lexicon`].

pub(crate) use crate::text::lexicon::entries;
