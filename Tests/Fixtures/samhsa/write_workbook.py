"""Writes a locator CSV as an .xlsx workbook with openpyxl, as a spreadsheet download would come:
a title row and an empty row above the header (the importer finds the header by its name1 cell).

    python3 write_workbook.py INPUT.csv OUTPUT.xlsx
"""
import csv
import sys

import openpyxl

workbook = openpyxl.Workbook()
sheet = workbook.active
sheet.append(["FindTreatment.gov facility listing"])
sheet.append([])
with open(sys.argv[1], newline="", encoding="utf-8-sig") as source:
    for row in csv.reader(source):
        sheet.append(row)
workbook.save(sys.argv[2])
