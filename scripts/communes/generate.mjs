// Generates catalog/communes/communes.tsv.gz, the reference list of French
// communes that the Go binary embeds, from the npm package
// @etalab/decoupage-administratif (INSEE Code officiel géographique, DGCL
// EPCI list, INSEE legal populations, La Poste postal codes).
//
// Usage, from this folder: npm ci && npm run generate
//
// Output: gzip of a UTF-8 text file. Lines starting with "#" are comments,
// the first other line is the header, then one line per commune sorted by
// INSEE code, with tab-separated fields:
//   insee        INSEE code, five characters ("13022", "2A004")
//   name         official name ("L'Haÿ-les-Roses")
//   name_folded  the name as catalog.Fold returns it ("l hay les roses")
//   departement  département code ("13", "2A", "974")
//   epci_code    SIREN code of the intercommunality, empty when none
//   epci_name    name of the intercommunality, empty when none
//   population   legal population, empty when unknown
//   postal_codes five-digit postal codes separated by spaces, possibly none

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync, constants } from 'node:zlib'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const packageName = '@etalab/decoupage-administratif'
const output = join(here, '..', '..', 'catalog', 'communes', 'communes.tsv.gz')

const packageVersion = JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), 'utf8')).version
const communes = require(`${packageName}/data/communes.json`)
const epcis = require(`${packageName}/data/epci.json`)

const ligatures = { 'œ': 'oe', 'Œ': 'OE', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss' }

// fold mirrors Fold in catalog/fold.go: ligatures expanded, accents
// stripped, lower case, every run of other characters than letters and
// digits turned into one space and trimmed, except a comma or point between
// two digits. A Go test compares both on every name of the output.
function fold (s) {
  s = s.replace(/[œŒæÆß]/g, (c) => ligatures[c])
  s = s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLowerCase()
  const runes = [...s]
  const isDigit = (r) => /\p{Nd}/u.test(r)
  let out = ''
  let space = false
  runes.forEach((r, i) => {
    let keep = /[\p{L}\p{Nd}]/u.test(r)
    if ((r === ',' || r === '.') && i > 0 && i + 1 < runes.length && isDigit(runes[i - 1]) && isDigit(runes[i + 1])) {
      keep = true
    }
    if (!keep) {
      space = out.length > 0
      return
    }
    if (space) {
      out += ' '
      space = false
    }
    out += r
  })
  return out
}

// epciOfCommune maps the INSEE code of each member commune to its EPCI.
function epciOfCommune () {
  const byCommune = new Map()
  for (const epci of epcis) {
    for (const member of epci.membres) {
      if (byCommune.has(member.code)) {
        throw new Error(`commune ${member.code} belongs to two EPCI: ${byCommune.get(member.code).code} and ${epci.code}`)
      }
      byCommune.set(member.code, epci)
    }
  }
  return byCommune
}

// postalCodesByCity gathers the postal codes of the arrondissements
// municipaux of Paris, Lyon and Marseille under their city, so that 13008
// finds Marseille even if the city's own list lacked it.
function postalCodesByCity () {
  const byCity = new Map()
  for (const c of communes) {
    if (c.type !== 'arrondissement-municipal') continue
    const codes = byCity.get(c.commune) ?? new Set()
    for (const code of c.codesPostaux ?? []) codes.add(code)
    byCity.set(c.commune, codes)
  }
  return byCity
}

function checkField (value, what, insee) {
  if (/[\t\r\n]/.test(value)) {
    throw new Error(`commune ${insee}: ${what} ${JSON.stringify(value)} contains a tab or line break`)
  }
  return value
}

function rows () {
  const epciOf = epciOfCommune()
  const cityCodes = postalCodesByCity()
  const seen = new Set()
  const out = []
  for (const c of communes) {
    if (c.type !== 'commune-actuelle') continue
    if (seen.has(c.code)) throw new Error(`duplicate INSEE code ${c.code}`)
    seen.add(c.code)

    const codes = new Set(c.codesPostaux ?? [])
    for (const code of cityCodes.get(c.code) ?? []) codes.add(code)
    for (const code of codes) {
      if (!/^[0-9]{5}$/.test(code)) throw new Error(`commune ${c.code}: invalid postal code ${code}`)
    }
    const epci = epciOf.get(c.code)
    out.push([
      c.code,
      checkField(c.nom, 'name', c.code),
      fold(c.nom),
      c.departement,
      epci ? epci.code : '',
      epci ? checkField(epci.nom, 'EPCI name', c.code) : '',
      Number.isInteger(c.population) ? String(c.population) : '',
      [...codes].sort().join(' ')
    ])
  }
  out.sort(byInsee)
  return out
}

// byInsee orders rows by INSEE code, comparing UTF-16 code units, so the
// order does not depend on the locale.
function byInsee (a, b) {
  if (a[0] === b[0]) return 0
  return a[0] < b[0] ? -1 : 1
}

const header = ['insee', 'name', 'name_folded', 'departement', 'epci_code', 'epci_name', 'population', 'postal_codes']
const data = rows()
const text = [
  `# French communes from ${packageName} ${packageVersion}, generated by scripts/communes/generate.mjs.`,
  header.join('\t'),
  ...data.map((r) => r.join('\t'))
].join('\n') + '\n'

mkdirSync(dirname(output), { recursive: true })
// gzipSync writes no file name and a zero modification time, so the same
// input always gives the same bytes.
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_COMPRESSION })
writeFileSync(output, gz)
console.log(`${data.length} communes from ${packageName} ${packageVersion}: ${output} (${gz.length} bytes, ${text.length} bytes unpacked)`)
