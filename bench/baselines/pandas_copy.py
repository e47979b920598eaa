#!/usr/bin/env python3
"""The seed's stack, as a baseline: pandas read_excel (openpyxl) and COPY through psycopg2.

Usage: pandas_copy.py <workbook.xlsx> <dsn> <table>
Prints one JSON object: rows and seconds (read + copy + commit).
"""
import io
import json
import sys
import time

import pandas as pd
import psycopg2


def main(path, dsn, table):
    started = time.monotonic()
    frame = pd.read_excel(path, engine="openpyxl")
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, header=False)
    buffer.seek(0)
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} FROM STDIN WITH (FORMAT csv)", buffer)
    print(json.dumps({"rows": len(frame), "seconds": round(time.monotonic() - started, 3)}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
