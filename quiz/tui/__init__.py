"""The Textual app: home, study sessions (cloze and matching), summaries, the card browser."""
