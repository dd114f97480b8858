'use strict';
// Reads a NACHA file written by Quipu and prints what an outside library makes of it, as JSON.
//
// nach2 0.5.1 (the NACHA library on npm) generates files and validates fields but has no reader. So this script
//  1. cuts every record into fields with nach2's OWN record layouts (lib/file/header.js, lib/batch/header.js, ...),
//  2. checks the fields with nach2's validators (lengths, data types, ABA routing check digits, transaction and
//     service class codes),
//  3. builds the same file again with nach2's generator from those fields — nach2 computes the entry hash, the
//     totals, the counts, the block count and the padding itself — and compares it with ours record by record.
// Usage: node parse.js <file>. Exit code 0 with the JSON on stdout; 2 when the file cannot be read at all.

const fs = require('fs');
const nach = require('nach2');
const layouts = {
  fileHeader: require('nach2/lib/file/header'),
  fileControl: require('nach2/lib/file/control'),
  batchHeader: require('nach2/lib/batch/header'),
  batchControl: require('nach2/lib/batch/control'),
  entry: require('nach2/lib/entry/fields'),
};
const RECORD_LENGTH = 94;
const BLOCKING_FACTOR = 10;
const MAX_BYTES = 16 * 1024 * 1024;

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

// The record's fields in nach2's layout order, raw (padding kept).
function cut(line, layout) {
  const fields = Object.entries(layout).sort((left, right) => left[1].position - right[1].position);
  const width = fields.reduce((sum, [, field]) => sum + field.width, 0);
  if (width !== RECORD_LENGTH) fail('nach2 layout is ' + width + ' characters wide');
  const values = {};
  let offset = 0;
  for (const [name, field] of fields) {
    values[name] = line.substring(offset, offset + field.width);
    offset += field.width;
  }
  return values;
}

// nach2's field validators over the values read (numbers without their padding, as nach2 holds them).
function validate(values, layout, what, errors) {
  const fields = {};
  for (const [name, field] of Object.entries(layout)) {
    const raw = values[name];
    const value = field.type === 'alphanumeric' || field.blank ? raw : raw.trim();
    fields[name] = Object.assign({}, field, { value: value });
  }
  for (const check of [nach.Validate.validateLengths, nach.Validate.validateDataTypes]) {
    try {
      check(fields);
    } catch (error) {
      errors.push(what + ': ' + (error.message || String(error)));
    }
  }
}

function attempt(what, errors, action) {
  try {
    action();
  } catch (error) {
    errors.push(what + ': ' + (error.message || String(error)));
  }
}

function centsToDecimal(cents) {
  const digits = String(Number(cents)).padStart(3, '0');
  return digits.slice(0, -2) + '.' + digits.slice(-2);
}

function yymmddToDate(yymmdd) {
  return new Date(2000 + Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)) - 1, Number(yymmdd.slice(4, 6)));
}

const path = process.argv[2];
if (!path) fail('usage: node parse.js <file>');
if (fs.statSync(path).size > MAX_BYTES) fail('file larger than ' + MAX_BYTES + ' bytes');
const text = fs.readFileSync(path, 'latin1');
if (!text.endsWith('\r\n')) fail('the last record does not end with CRLF');
const lines = text.slice(0, -2).split('\r\n');
const errors = [];
lines.forEach((line, index) => {
  if (line.length !== RECORD_LENGTH) errors.push('record ' + (index + 1) + ' is ' + line.length + ' characters');
  if (line.includes('\n') || line.includes('\r')) errors.push('record ' + (index + 1) + ' has a stray line end');
});
if (lines.length % BLOCKING_FACTOR !== 0) errors.push(lines.length + ' records: not a multiple of ' + BLOCKING_FACTOR);

// --- read --------------------------------------------------------------------------------------------------------------------
let index = 0;
if (!lines[0] || lines[0][0] !== '1') fail('no file header');
const fileHeader = cut(lines[index++], layouts.fileHeader);
validate(fileHeader, layouts.fileHeader, 'file header', errors);
const batches = [];
while (index < lines.length && lines[index][0] === '5') {
  const header = cut(lines[index++], layouts.batchHeader);
  validate(header, layouts.batchHeader, 'batch header', errors);
  attempt('batch header', errors, () => nach.Validate.validateACHServiceClassCode(header.serviceClassCode));
  const entries = [];
  while (index < lines.length && lines[index][0] === '6') {
    const entry = cut(lines[index++], layouts.entry);
    validate(entry, layouts.entry, 'entry ' + (entries.length + 1), errors);
    attempt('entry ' + (entries.length + 1), errors, () => nach.Validate.validateACHCode(entry.transactionCode));
    attempt('entry ' + (entries.length + 1), errors, () => nach.Validate.validateRoutingNumber(entry.receivingDFI + entry.checkDigit));
    entries.push(entry);
  }
  if (index >= lines.length || lines[index][0] !== '8') fail('batch ' + (batches.length + 1) + ' has no batch control');
  const control = cut(lines[index++], layouts.batchControl);
  validate(control, layouts.batchControl, 'batch control', errors);
  batches.push({ header: header, entries: entries, control: control });
}
if (index >= lines.length || lines[index][0] !== '9') fail('no file control after the batches');
const fileControl = cut(lines[index++], layouts.fileControl);
validate(fileControl, layouts.fileControl, 'file control', errors);
for (; index < lines.length; index++) {
  if (lines[index] !== '9'.repeat(RECORD_LENGTH)) errors.push('record ' + (index + 1) + ' after the file control is not all 9s');
}

// --- the same file, built by nach2 ---------------------------------------------------------------------------------------------
let rebuilt = null;
const nach2Controls = {};
attempt('nach2 rebuild', errors, () => {
  const file = new nach.File({
    immediateDestination: fileHeader.immediateDestination.trim(),
    immediateOrigin: fileHeader.immediateOrigin.trim(),
    immediateDestinationName: fileHeader.immediateDestinationName,
    immediateOriginName: fileHeader.immediateOriginName,
    fileCreationDate: fileHeader.fileCreationDate,
    fileCreationTime: fileHeader.fileCreationTime,
    fileIdModifier: fileHeader.fileIdModifier,
    referenceCode: fileHeader.referenceCode,
    batchSequenceNumber: batches.length ? Number(batches[0].header.batchNumber) : 1,
  });
  for (const read of batches) {
    const batch = new nach.Batch({
      serviceClassCode: read.header.serviceClassCode,
      companyName: read.header.companyName,
      companyDiscretionaryData: read.header.companyDiscretionaryData,
      companyIdentification: read.header.companyIdentification,
      standardEntryClassCode: read.header.standardEntryClassCode,
      companyEntryDescription: read.header.companyEntryDescription,
      companyDescriptiveDate: read.header.companyDescriptiveDate,
      effectiveEntryDate: yymmddToDate(read.header.effectiveEntryDate),
      originatingDFI: read.header.originatingDFI,
    });
    for (const entry of read.entries) {
      batch.addEntry(new nach.Entry({
        transactionCode: entry.transactionCode,
        receivingDFI: entry.receivingDFI, // nach2 computes the check digit itself
        DFIAccount: entry.DFIAccount,
        amount: centsToDecimal(entry.amount),
        idNumber: entry.idNumber,
        individualName: entry.individualName,
        discretionaryData: entry.discretionaryData,
        traceNumber: entry.traceNumber,
      }));
    }
    file.addBatch(batch);
  }
  file.generateFile((generated) => {
    rebuilt = generated.split('\r\n');
  });
  const control = file.control;
  nach2Controls.batchCount = Number(control.batchCount.value);
  nach2Controls.blockCount = Number(control.blockCount.value);
  nach2Controls.entryCount = Number(control.addendaCount.value);
  nach2Controls.entryHash = String(control.entryHash.value).padStart(10, '0');
  nach2Controls.totalCreditCents = Number(control.totalCredit.value).toFixed(2).replace('.', '').replace(/^0+(?=\d)/, '');
  nach2Controls.recordCount = rebuilt ? rebuilt.length : 0;
});
const differences = [];
if (rebuilt) {
  const count = Math.max(rebuilt.length, lines.length);
  for (let record = 0; record < count && differences.length < 20; record++) {
    if (rebuilt[record] !== lines[record]) {
      differences.push({ record: record + 1, ours: lines[record] || null, nach2: rebuilt[record] || null });
    }
  }
}

const allEntries = batches.flatMap((batch) => batch.entries);
process.stdout.write(JSON.stringify({
  recordCount: lines.length,
  batchCount: batches.length,
  entryCount: allEntries.length,
  fileControl: {
    batchCount: Number(fileControl.batchCount),
    blockCount: Number(fileControl.blockCount),
    entryCount: Number(fileControl.addendaCount),
    entryHash: fileControl.entryHash,
    totalDebitCents: String(Number(fileControl.totalDebit)),
    totalCreditCents: String(Number(fileControl.totalCredit)),
  },
  batches: batches.map((batch) => ({
    serviceClassCode: batch.header.serviceClassCode,
    standardEntryClassCode: batch.header.standardEntryClassCode,
    companyName: batch.header.companyName.trim(),
    companyEntryDescription: batch.header.companyEntryDescription.trim(),
    entryCount: Number(batch.control.addendaCount),
    entryHash: batch.control.entryHash,
    totalCreditCents: String(Number(batch.control.totalCredit)),
  })),
  entries: allEntries.map((entry) => ({
    transactionCode: entry.transactionCode,
    routing: entry.receivingDFI + entry.checkDigit,
    account: entry.DFIAccount.trim(),
    amountCents: String(Number(entry.amount)),
    individualId: entry.idNumber.trim(),
    name: entry.individualName.trim(),
    traceNumber: entry.traceNumber,
  })),
  nach2: nach2Controls,
  identicalToNach2: rebuilt !== null && differences.length === 0,
  differences: differences,
  validationErrors: errors,
}, null, 2) + '\n');
