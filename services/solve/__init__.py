"""Creative problem-solving: options, their ratings and citations, and the best-practice
library they draw on."""
