"""Pure functions per topic: DataFrames and plain values in, DataFrames and plain values out."""
