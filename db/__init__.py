"""Storage layer: engine, transactions, models and migrations. Knows nothing of Streamlit."""
