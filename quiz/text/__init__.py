"""Text in, phrases out: reading, cleaning, script conversion and key-phrase extraction."""
