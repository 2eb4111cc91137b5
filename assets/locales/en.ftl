# Avance — English texts. Numbers arrive already formatted: 50.24%, 1,234.50.
# Every id also exists in es.ftl (a test requires it).

findings-count = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }

## Plan words
quarter-short = Q{ $number }
indicator-kind-sectorial = sectoral
indicator-kind-meta-trazadora = tracer goal (meta trazadora)
indicator-kind-proyecto-inversion = investment project
annualization-suma = Sum
annualization-creciente = Increasing
annualization-constante = Constant
annualization-decreciente = Decreasing

## Validation: where each finding is
place-objective = Objective { $number }
place-indicator = indicator { $label }
field-period = period
field-cut = cut
field-objective-number = number
field-code = code
field-objective-text = text
field-name = name
field-entity = responsible entity
field-baseline = baseline
field-declared-total = total programming
field-weight = weight { $vigencia }
field-programmed = programming { $vigencia }
field-executed = executed { $vigencia } Q{ $quarter }
field-comment = comment { $vigencia } Q{ $quarter }

## Validation: what is wrong
problem-period-reversed = the period { $first }–{ $last } is reversed
problem-cut-outside-period = the cut { $cut } is outside the period { $first }–{ $last }
problem-objective-number-invalid = number { $number } is not between 1 and { $max } (a plan has at most { $max } objectives)
problem-objective-number-missing = objective { $number } is missing: objectives are numbered consecutively from 1
problem-objective-numbers-missing = objectives { $from } to { $to } are missing: objectives are numbered consecutively from 1
problem-no-objectives = the plan has no objectives: it needs at least one
problem-objective-number-repeated = number { $number } is repeated
problem-negative-programming = programming cannot be negative ({ $value })
problem-negative-weight = the weight cannot be negative ({ $value })
problem-missing-baseline = a decreciente indicator needs a baseline to compute its progress
problem-baseline-equals-programming = the baseline equals the programming: there is no reduction to measure
problem-duplicate-code = code { $code } is repeated in the objective
problem-objective-without-text = the objective has no text: the committee would see its number alone
problem-indicator-without-name = the indicator has no name
problem-indicator-without-code = the indicator has no code (only those of a META PROYECTO may lack one)
problem-indicator-without-entity = the indicator has no responsible entity
problem-same-name-without-code = another indicator of this meta without code has the same name and entity: the entities' files cannot tell them apart when consolidated; give them a code or different names
problem-out-of-range = the figures are too large to compute the progress
problem-weights-not-100 = the weights of { $vigencia } add up to { $total }, not 100%; the average divides by their real sum
problem-weight-on-not-programmed = has a weight of { $weight } but is not programmed in the vigencia
problem-zero-weight-on-programmed = is programmed but its weight is 0
problem-total-inconsistent = the published total programming is { $declared } but the annualization type gives { $expected }
problem-value-after-cut = has a value for { $value }, after the cut { $cut }: it does not count in the figures at that cut
problem-low-without-comment = progress of { $progress } at the cut with no comment: the committee will ask why
problem-not-reported = programmed but not reported at the cut: it counts as 0
problem-quarter-not-reported = Q{ $quarter } is not reported while Q{ $last } is: progress uses what was reported up to Q{ $last }
problem-negative-executed = the executed magnitude is negative ({ $value })
problem-executed-not-programmed = has execution reported but is not programmed in { $vigencia }: that execution does not count
problem-constante-unequal = is constante but its programming changes: { $first } in { $first_year } and { $other } in { $other_year }

## Why an objective has no average
no-average-nothing-programmed = no indicator programmed in { $vigencia }
no-average-missing-baseline = indicator { $label } (decreciente) has no baseline
no-average-baseline-equals-programming = the baseline of indicator { $label } equals its programming
no-average-indicator-out-of-range = the figures of indicator { $label } are too large
no-average-weights-zero = no weights given in { $vigencia } (they add up to 0)
no-average-out-of-range = the weights are too large to compute the average

## Numbers typed in a cell or read from a file
number-empty = The value is empty.
number-not-a-number = «{ $text }» is not a number: type, for example, 27.50.
number-ambiguous = «{ $text }» is ambiguous (thousands or decimals?): type { $hint }.
number-ambiguous-hint = { $thousands } or { $decimals }
number-too-precise = “{ $text }” has more decimals than Avance keeps exactly (28 at most): write it with fewer.
number-too-large = «{ $text }» is too large.

## The grid
cell-not-accepted = Not accepted: { $reason }
cell-refused-keeps-value = The plan keeps the value the box had when you reached it (Esc puts it back).
progress-capped = Above the cap: in the objective's average it counts { $counts }
progress-floored = Negative: in the objective's average it counts { $counts }

## menu
menu-file = File
menu-open-recent = Open recent
menu-none = (none)
menu-edit = Edit
menu-view = View
menu-language = Language
menu-light-theme = Light theme
menu-dark-theme = Dark theme

## toolbar
toolbar-cut = Cut:
toolbar-quarter-of-the-cut = Quarter of the cut
toolbar-the-plan-s-cut = The plan's cut: every figure is read at it, and it is saved with the plan (Ctrl+Z gives the previous one back). To look at earlier cuts: each objective's trend, or «avance report --cut».

## tree
tree-plan-and-entities = Plan and entities
tree-objective = Objective
tree-no-metas = (no metas)

## present
present-progress-at-the-cut = progress at the cut

## Presenting to the committee: slides, traffic lights, the pack for the minutes
slide-progress-at-cut = Progress at the cut { $date }
slide-projection = Projected for the end of { $year }: { $figure }
slide-page = page { $page } of { $pages }
slide-no-indicators = This objective has no indicators yet.
slide-column-indicator = Indicator ({ $count } in all)
slide-column-weight = Weight
slide-column-progress = Progress
slide-column-executed-programmed = Exec. / prog.
slide-not-programmed = not programmed: does not count
slide-not-reported = not reported: counts 0
slide-column-progress-counted = Progress (counts)
slide-trend-title = Progress by quarter
trend-nothing-programmed = no indicator programmed
trend-weights-zero = no weights given
slide-reasons-title = Indicators under { $threshold }: why
slide-reasons-none = No indicator is red.
slide-reasons-more = … and { $count } more
slide-reasons-more-next = … and { $count } more on the next slide
slide-reasons-whole-next = The whole comments, on the next slide.
slide-reasons-continued-title = Indicators under { $threshold }: why (cont.)
slide-no-comment = no comment
slide-file-plan = plan
slide-file-plan-page = plan-p{ $page }
slide-plan-page = Objectives { $first } to { $last } of { $count }
slide-indicator-kinds = Indicators: { $sectorial } sectoral · { $trazadora } of tracer goals (metas trazadoras) · { $proyecto } of investment projects
slide-file-objective = objective-{ $number }
slide-file-objective-page = objective-{ $number }-p{ $page }
slide-file-reasons = objective-{ $number }-why
slide-file-reasons-part = objective-{ $number }-why-{ $part }
slide-file-presentation = presentation
legend-red = red < { $below }
legend-yellow = yellow { $from }–{ $below }
legend-green = green { $from }–{ $to }
legend-orange = orange > { $above }
command-next-slide = Next slide
command-previous-slide = Previous slide
command-first-slide = First slide
command-last-slide = Last slide
command-objective-slide = Slide of objective { $number }
command-toggle-slide-order = Indicators in plan order / lowest first
command-export-slides = Export presentation…
command-restore-recovered-copy = Restore the recovery copy
dialog-export-slides = Folder for the presentation (PNG and PDF)
app-slides-exporting = Exporting the presentation… (the window stays usable)
app-slides-exported = Presentation exported
app-slides-exported-text = { $count } slides at the cut { $date } (one PNG image per slide and one PDF with all of them) in: { $path }
app-could-not-export-slides = Could not export the presentation
cli-generate-too-many = Nothing was generated: { $asked } indicators are too many; the most is { $max } (a plan of about 36 MB; Avance reads plans of up to 50 MB).
cli-generate-objectives = Nothing was generated: a plan has from 1 to { $max } objectives, not { $asked }.
cli-slides-written = { $count } slides at the cut { $date } written in { $path }:
slides-file-exists = That file already exists; choose another folder (or use --force on the command line to replace it): { $path }
slides-not-a-folder = The slides go in a folder, and “{ $path }” is a file: give a folder's name (it is made if missing).
slides-folder-failed = Could not create the folder ({ $detail }): { $path }
slides-write-failed = The presentation was not written: “{ $file }” could not be written or replaced ({ $detail }). The folder's files are as they were: { $path }
slides-stranded = The presentation was not written, and while undoing what was done “{ $file }” could not go back to its previous version ({ $detail }): the previous version is in { $kept_in }. File: { $path }
slides-encode-failed = Could not encode the image: { $detail }
slides-pdf-failed = Could not make the presentation PDF: { $detail }
chart-previous-page = Previous page of indicators
chart-next-page = Next page of indicators
chart-order-plan = Order: the plan's
chart-order-lowest-first = Order: lowest first
thresholds-title = Traffic lights
thresholds-hint = They colour progress in the charts, the tree and the slides; the figure is always written beside.
thresholds-red-below = Red below (%)
thresholds-yellow-below = Yellow below (%)
thresholds-green-up-to = Green up to (%)
thresholds-apply = Apply traffic lights
thresholds-red-not-above-zero = The red threshold must be above 0%: at 0 or below no progress would ever show red.
thresholds-red-not-below-yellow = The red threshold must be below the yellow one.
thresholds-yellow-not-below-green = The yellow threshold must be below the green one.

## validation
validation-validation = Validation
validation-nothing-to-report = nothing to report
validation-warning = Warning ·
validation-click-go-to-this = Click: go to this field

## chart
chart-progress-by-objective = Progress by objective
chart-indicators-of-objective = Indicators of objective
chart-progress-and-weight = progress and weight
chart-no-indicators = (no indicators)
chart-target-100 = Target 100%
chart-progress = progress
chart-weight = weight

## details
details-sector-strategic-plan = Sector strategic plan
details-period = Period
details-plan-s-cut = plan's cut
details-strategic-objective = Strategic objective
details-weights = Weights
details-text = Text
details-add-meta = + Add meta
details-adds-a-meta-with = Adds a meta with one empty indicator at the end of the objective
details-objective-count = { $count ->
    [one] 1 strategic objective
   *[other] { $count } strategic objectives
}
details-add-objective = + Add objective
details-add-objective-hint = Adds an objective, with no text or metas, after the last one (Ctrl+Z undoes it)
details-add-objective-full = The plan already has { $max } objectives, the most it may have
details-remove-objective = Remove objective…
details-remove-objective-hint = Removes the objective with its metas and indicators; the ones after it move down one number (Ctrl+Z undoes it)
details-kind-from-meta = from the meta ({ $kind })
details-meta = Meta
details-meta-name = Meta name
details-add-indicator = + Add indicator
details-move-up = Move up
details-move-down = Move down
details-remove-meta = Remove meta
details-remove-meta-hint = Removes the meta and its indicators (Ctrl+Z undoes it)
details-code-label = Code (empty = N/A)
details-indicator-name = Indicator name
details-responsible-entity = Responsible entity
details-unit = Unit
details-comment = Comment
details-remove-indicator = Remove indicator
details-undo-hint = Ctrl+Z undoes it
details-figures-in-grid = Figures are edited in the table.

## grid
grid-no-indicators-yet = This objective has no indicators yet: add a meta with the button above.
grid-no-name = (no name)
grid-type = type
grid-unit = unit
grid-baseline-heading = Baseline
grid-baseline-hint = Baseline: the level a decreasing indicator starts from (typed as a figure)
grid-type-hint = Annualization type: type the start of its name (S: sum, I: increasing, C: constant, D: decreasing)
grid-unit-heading = Unit
grid-unit-hint = The indicator's unit of measure
grid-total = Total
grid-objective-progress-weighted-average = Objective progress: weighted average
grid-sum-of-the-weights = Sum of the weights of the programmed indicators
grid-weights-not-100-hint = The weights do not add up to 100%: progress divides by their real sum
validation-error = Error ·

## details
details-title = Title
details-sector = Sector
details-sector-s-mission = Sector's mission
details-entity = Entity
details-mission = Mission
details-vision = Vision

## grid
grid-meta-code = Meta code
grid-code = Code
grid-indicator-code = Indicator code
grid-indicator = Indicator
grid-indicator-name = Indicator name
grid-type-heading = Type
grid-kind-heading = Kind of indicator
grid-kind-hint = Where the indicator comes from: sectoral, a tracer goal (meta trazadora) or an investment project (changed in the details above)
grid-wgt = Wgt.
grid-weight-in-the-vigencia = Weight in the vigencia (%)
grid-executed-quarter-hint = Magnitude executed in the quarter
grid-programming-of-the-vigencia = Programming of the vigencia
grid-programmed-short = Plan
grid-at-cut = At cut
grid-executed-at-the-cut = Executed at the cut, per type
grid-progress = Progress
grid-progress-at-the-cut = Progress at the cut
grid-total-programming-per-type = Total programming, per type
grid-could-not-paste = Could not paste
tree-meta-without-code = (meta without code)

## Pasting a block
paste-not-a-number = Nothing was pasted: { $place }: { $reason }
paste-too-large = Nothing was pasted: the block of { $rows } × { $columns } cells does not fit from the chosen cell.
paste-block-onto-text = Nothing was pasted: a block of several cells is pasted from a figure cell; into a code, a name, a type or a unit paste a single line.
paste-onto-computed = Nothing was pasted: the block covers computed columns (at cut, progress, total); paste execution and programming separately.

## Recovery copy
ago-seconds = a few seconds ago
ago-minutes = { $n } min ago
ago-hours = { $n } h ago
ago-days = { $n ->
        [one] 1 day ago
       *[other] { $n } days ago
    }
recovery-of-file = Avance did not close normally last time. There is a copy of the unsaved changes to { $file }, written { $ago }.
recovery-never-saved = Avance did not close normally last time. There is a copy of a plan that was never saved, written { $ago }.

## dialog
dialog-unsaved-changes = Unsaved changes
dialog-the-plan-has-changes = The plan has changes that have not been saved. What should happen to them?
dialog-save = Save
dialog-discard = Discard
dialog-cancel = Cancel
dialog-the-import-stopped = The import stopped
dialog-import-without-those-rows = Import without those rows
dialog-open-plan = Open plan
dialog-pick-entity-file = Choose an entity's plan file
dialog-open = Open
dialog-save-plan-as = Save plan as
dialog-import-matrix = Import matrix
dialog-import = Import
dialog-export = Export
dialog-type-path = Type the file's path. A name alone goes in the folder offered; ~ is your home folder.
dialog-type-path-why = (Asked here because the system's file dialog was closed without a choice or is not available on this computer.)
dialog-file-path = File path
dialog-folder-path = Folder
dialog-replace-the-file = Replace the file?
dialog-replace = Replace
dialog-changed-on-disk = The file changed on disk
dialog-save-as = Save as…
dialog-overwrite = Overwrite
dialog-reload = Reload
dialog-the-file-has-comments = The file has comments
dialog-save-without-them = Save without them
dialog-refused-title = Some text was not accepted
dialog-refused-text = { $count ->
        [one] This box holds text that was not accepted. The plan does not have it: it keeps the value the box had when you reached it, and that is what is saved.
       *[other] These boxes hold text that was not accepted. The plan does not have it: it keeps the value each box had when you reached it, and that is what is saved.
    }
dialog-correct = Correct it
dialog-save-without-text = { $count ->
        [one] Save without that text
       *[other] Save without those texts
    }
refused-kept = { $place }: «{ $text }» was not accepted; { $kept } is saved
refused-kept-text = { $place }: «{ $text }» was not accepted; «{ $kept }» is saved
refused-kept-empty = { $place }: «{ $text }» was not accepted; it is saved empty
dialog-retry = Try again
dialog-could-not-save = Could not save
dialog-close = Close
dialog-recover-unsaved-changes = Recover unsaved changes
dialog-restore = Restore
dialog-decide-later = Decide later
dialog-ok = OK
dialog-replace-text = { $name } already exists. If you replace it, its current contents are kept as { $name }.bak in the same folder: { $path }
dialog-changed-on-disk-text = Someone else (or another program) saved { $name } after you opened it. You can save your version under another name, overwrite theirs (kept as a .bak copy), or reload the file and lose your unsaved changes: { $path }
dialog-drop-comments-text = { $name } has hand-written comments (the first at line { $line }, column { $column }). Avance saves the plan in its own layout and does not keep them; the current version, with its comments, will be kept aside as { $copy }, a file Avance never touches again.

## files
app-unsaved-changes-restored = The unsaved changes were restored. Save to keep them.

waiting-file-dialog-title = Waiting for the “{ $title }” dialog
waiting-file-dialog-text = Choose the file in the system's dialog (or close it to cancel). Meanwhile the plan cannot be changed.
waiting-file-dialog-stop = Stop waiting (type the path)

## file-picker
file-picker-avance-plan = Avance plan
file-picker-import-indicator-matrix = Import indicator matrix
file-picker-spreadsheet-or-text = Spreadsheet or text

## mod
app-could-not-open-title = Could not open
app-example-plan-opened = The example plan was opened instead.
app-new-plan-title = New strategic plan
app-not-saved-yet = The plan is not saved yet.
app-open-plan-texts-kept = Only what the matrix carries changed: the rest of the open plan was kept as it was; Ctrl+Z undoes the import.

## Command line (avance report, validate, fmt, import, export)
cli-cut-outside-period = The cut { $cut } is outside the plan's period ({ $first }–{ $last }).
cli-error-line = error: { $text }
cli-warning-line = warning: { $text }
cli-plan-written-to = Plan written to: { $path }
cli-import-fix-or-skip = Fix those cells, or use --lenient to import without those rows.
cli-fmt-has-comments = The file has hand-written comments (the first at line { $line }, column { $column }) and fmt would drop them. Use --force to rewrite it without them (the current version is kept as a .bak copy): { $path }
cli-file-exists = The file already exists; use --force to replace it: { $path }
cli-plan-not-saved = Could not save the plan ({ $detail }). The file is as it was: { $path }
cli-plan-read-only = The file is read-only (or you may not change it) and was not changed: { $path }
cli-plan-hard-linked = This file also appears under { $others ->
        [one] 1 other name
       *[other] { $others } other names
    } on the disk (links), which would keep the old version if Avance replaced it; it was not changed: { $path }
cli-output-is-the-matrix = The plan would be written over the matrix being imported (it is the same file, or is on Windows: the same name in another case or with dots or spaces at the end): choose another name for the plan: { $path }

## command
command-new = New
command-open = Open…
command-import = Import…
command-import-into-open-plan = Import figures into the open plan…
command-export = Export…
command-quit = Quit
command-undo = Undo
command-redo = Redo
command-light-dark-theme = Light/dark theme
command-presentation-mode = Presentation mode

## Plan files (the path goes last)
plan-file-read = Could not read the file ({ $detail }): { $path }
plan-file-write = Could not save ({ $detail }). Nothing was lost: the file is as it was and the plan stays open with its changes: { $path }
plan-file-empty = The file is empty: { $path }
plan-file-not-text = The file is not an Avance plan (not UTF-8 text): { $path }
plan-file-utf16 = The file is saved as UTF-16 (“Unicode” in Notepad) and Avance plans are saved as UTF-8, so it was not read. To read it: open it in Notepad, File → Save as…, choose UTF-8 under “Encoding”, save, and open it again in Avance: { $path }
plan-file-ansi = The file is saved as ANSI (Windows-1252) and Avance plans are saved as UTF-8, so it was not read: the first letter that is not UTF-8 is “{ $letter }”, on line { $line }, column { $column }. To read it: open it in Notepad, File → Save as…, choose UTF-8 under “Encoding”, save, and open it again in Avance: { $path }
plan-file-read-only = The file is read-only (or you may not change it): it was not changed. Use “Save as…” to save the plan under another name: { $path }
plan-file-hard-linked = This file also appears under { $others ->
        [one] 1 other name
       *[other] { $others } other names
    } on the disk (links), which would keep the old version if Avance replaced it. It was not changed. Use “Save as…” to save it under another name: { $path }
plan-file-syntax = Malformed plan at line { $line }, column { $column }{ $place }: { $problem }. File: { $path }
plan-file-cut-short = the file ends too early, as if it were cut (copied or saved half-way?); open the .bak copy if there is one
plan-file-missing-comma = a comma (,) is missing before this point
plan-file-unknown-value = «{ $found }» is not a valid value here; use one of: { $allowed }
plan-file-unknown-field = «{ $found }» is not a field Avance knows; the fields here are: { $allowed }
plan-file-missing-field = the field «{ $field }» is missing
plan-file-quarter-out-of-range = quarter { $found } does not exist: quarters go from 1 to 4
plan-file-expected-text = a text between quotes goes here
plan-file-expected-whole-number = a whole number goes here (a year, a quarter or an objective's number)
plan-file-technical-detail = technical detail: { $detail }
plan-file-not-a-number = Malformed plan at line { $line }, column { $column }{ $place }: “{ $text }” is not a number{ $why }; write it with a decimal point, e.g. "27.50". File: { $path }
plan-file-odd-character = {" "}(it has “{ $character }”, which is not a digit)
plan-file-duplicate-key = Malformed plan at line { $line }, column { $column }{ $place }: “{ $key }” is written twice (first at line { $first_line }); keep only one. File: { $path }
plan-file-duplicate-key-unplaced = Malformed plan at line { $line }, column { $column }{ $place }: “{ $key }” is written twice; keep only one. File: { $path }
plan-file-bare-number = “{ $text }” is a number without quotes: it would reach Avance as a binary number, which keeps about 17 digits, and lose the rest; write it between quotes, "{ $text }"
plan-file-too-precise = “{ $text }” has more digits than Avance keeps exactly (up to 28 decimals, and about 28 digits in all); it is not rounded: write it with fewer decimals
plan-file-not-a-file = Not read: { $what }, not a plan file: { $path }
plan-file-too-large-to-write = Not saved: the plan would take more than { $megabytes } MB, more than Avance reads (a huge text pasted into a name or a comment?); the file was left as it was: { $path }
plan-file-too-large = The file is over { $megabytes } MB and was not read: an Avance plan is much smaller (10,000 indicators take about 12 MB): { $path }
read-not-a-file-folder = is a folder
read-not-a-file-pipe = is a named pipe (FIFO), which would keep Avance waiting for ever
read-not-a-file-device = is a device of the system
read-not-a-file-socket = is a socket
read-not-a-file-other = is a special item of the system
read-too-large = the file is over { $megabytes } MB
plan-file-version-zero = The plan says version 0, which does not exist (the format's first version is 1); check the version field: { $path }
plan-file-unknown-version = The plan uses format version { $found }, which this Avance cannot bring up to the current one ({ $current }): { $path }
plan-file-newer-version = The plan uses format version { $found }, newer than this Avance reads ({ $current }); update Avance to open it: { $path }
plan-file-serialize = Could not turn the plan into text; technical detail: { $detail }
plan-file-period-too-long = The period { $first }–{ $last } spans more than { $max } vigencias; check the period field: { $path }

## What the system says when a file cannot be read or written
io-not-found = the path does not exist
io-permission-denied = permission denied
io-is-a-folder = it is a folder
io-storage-full = the disk is full
io-held = the file is open in another program: close it there and try again
io-system-detail = system detail: { $detail }

## Writing a file: why it failed (follows "Could not save")
write-in-use = “{ $name }” is open in another program (Excel or an editor, for example): close it there and try again
write-read-only = the file is read-only
write-hard-linked = the file has { $links } names (hard links)
write-invalid-name = “{ $name }” is not a valid file name on Windows (CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 are reserved, with any extension, as are the characters < > : " | ? *): choose another name
write-not-a-file = the path is not that of a regular file
write-link-loop = the path goes round in a loop of symbolic links
write-backup = the backup copy { $backup } could not be written: { $detail }

## Export
export-write = Could not export to { $path }: { $detail }
export-workbook = Could not build the workbook; technical detail: { $detail }
export-exact-figure-note = Figure kept as text to keep it exact: Excel stores numbers with about 15 digits and would round it. Avance imports it as it is.
export-over-the-plan = The export is not written over the plan being exported (it is the same file, or is on Windows: the same name in another case or with dots or spaces at the end): the plan would be lost. Choose another name, for example with .xlsx or .csv: { $path }

## Report (avance report)
report-at-cut = Progress at the cut { $date } (vigencia { $vigencia }, { $quarter })
report-objective = Objective { $number }: { $progress }
report-weights = weights { $weights }
report-no-indicators = (no indicators)
report-column-meta = Meta
report-column-indicator = Indicator
report-column-weight = Weight
report-column-programmed = Programmed
report-column-executed = Executed
report-column-progress = Progress
report-status-reported = reported
report-status-not-programmed = not programmed
report-status-not-reported = not reported (counts 0)
report-status-missing-baseline = missing baseline
report-status-baseline-equals-programming = baseline = programming
report-status-out-of-range = figures out of range
report-status-capped = (counts 100%)
report-status-floored = (counts 0%)
report-csv-objective = Objective
report-csv-objective-progress = Objective progress
report-csv-meta = Meta
report-csv-indicator = Indicator
report-csv-indicator-name = Indicator name
report-csv-entity = Responsible entity
report-csv-weight = Weight
report-csv-programmed = Programmed
report-csv-executed = Executed at cut
report-csv-progress = Progress
report-csv-cut = Cut
report-csv-status = Status
report-csv-current = Current
report-csv-last-reported = Last quarter reported
report-current-yes = yes
report-current-no = no
# A figure with no report for the cut quarter: the quarter it stands at.
figure-stands-at = as of { $quarter }
grid-stands-at-hint = No report for { $cut }: the figure is { $quarter }'s.
# How many programmed indicators of an objective have no report for the cut quarter.
objective-not-current = { $count ->
        [one] 1 indicator not reported for { $quarter }
       *[other] { $count } indicators not reported for { $quarter }
    }

## Shortened lists
list-and-more = { $list } and { $more } more

## Reading a table to import it (.tsv, .csv, .xlsx)
table-read = Could not read the file ({ $detail }).
table-unknown-type = Unknown file type: use .tsv, .csv or .xlsx.
table-file-too-large = The file is larger than { $max } MB: a plan matrix is far smaller; it is not read.
table-not-a-workbook = The file is not an .xlsx workbook (an Excel zip file; technical detail: { $detail }): save it from Excel as «Excel Workbook (.xlsx)».
table-protected = The workbook is password-protected or an old .xls: save it from Excel as an .xlsx without a password.
table-workbook = The workbook cannot be read (technical detail: { $detail }).
table-too-many-parts = The workbook has { $count } internal parts (at most { $max }): it does not look like a plan matrix; it is not read.
table-part-too-large = Part «{ $part }» of the workbook unpacks to { $megabytes } MB (at most { $max } MB): it is not read (a malicious file, or a sheet with millions of cells?).
table-unpacked-too-large = The workbook unpacks to { $megabytes } MB (at most { $max } MB): it is not read.
table-count-too-large = Part «{ $part }» of the workbook declares { $count } texts, more than it can hold: the workbook is damaged or tampered with; it is not read.
table-sheet-not-found = The workbook has no sheet «{ $name }»; its sheets are { $sheets }.
table-not-a-worksheet = Sheet «{ $name }» is not a worksheet (it is a chart or a macro sheet).
table-no-visible-sheet = The workbook has no visible worksheet; hidden ones ({ $sheets }) are read only with --sheet NAME.
table-sheet-only-for-workbooks = --sheet applies only to .xlsx workbooks; a text file has a single table.
table-area-too-large = Sheet «{ $sheet }» declares the area { $area }, beyond column SR ({ $max } columns) that Avance reads: delete the extra rows and columns (Ctrl+End in Excel goes to the last cell) and save the workbook.
table-cell-out-of-area = Cell { $cell } of sheet «{ $sheet }» holds data beyond column SR ({ $max } columns) that Avance reads: move or delete it and save the workbook.
table-cell-too-long-in-sheet = Cell { $cell } holds more than { $max } characters (Excel's maximum).
table-cell-too-long-in-text = The cell at row { $row }, column { $column }, holds more than { $max } characters (Excel's maximum).
table-cell-too-long-quote = It starts with a quote that closes on row { $last }: check that quote.
table-formulas = { $count ->
        [one] Cell { $cells } of sheet «{ $sheet }» holds a formula with no computed value
       *[other] Cells { $cells } of sheet «{ $sheet }» hold formulas with no computed value
    }: recalculate and save the workbook in Excel (or LibreOffice) and import it again.
table-formulas-recalculate = { $count ->
        [one] Cell { $cells } of sheet «{ $sheet }» holds a formula whose value no spreadsheet computed
       *[other] Cells { $cells } of sheet «{ $sheet }» hold formulas whose value no spreadsheet computed
    } (a program wrote the workbook and asks for recalculation on opening): recalculate and save the workbook in Excel (or LibreOffice) and import it again.
table-too-many-fields = Row { $row } has more than { $max } columns, more than Avance reads: delete the extra columns. ({ $origin })
table-unclosed-quote = The cell at row { $row }, column { $column }, opens a quote («"») that never closes: the rest of the file would end up inside that cell. Close the quote or remove it. ({ $origin })
table-reader-failed = The workbook reader failed on this file: open it in Excel, save it again as .xlsx and retry.
table-stray-byte = The file is UTF-8 except for byte { $byte } on row { $row } (character { $column }), which is not UTF-8: read whole as Windows-1252, every accent would become two letters («Ã³»). Correct that character, or save the file from Excel as «CSV UTF-8», and import it again. ({ $origin })
table-sheet-hidden = «{ $name }» (hidden)
table-sheet-very-hidden = «{ $name }» (very hidden)
table-sheet-not-a-worksheet = «{ $name }» (not a worksheet)

## Importing a matrix
import-place-in-sheet = row { $row }, column «{ $column }» (cell { $cell }), value «{ $value }»
import-place-in-text = row { $row }, column «{ $column }», value «{ $value }»
import-row-problem = { $place }: { $reason } ({ $origin })
import-reason-objective-out-of-range = the objective must be a number from 1 to { $max }
import-reason-empty = cannot be empty
import-reason-unknown-type = the type must be Suma, Creciente, Constante or Decreciente
import-reason-unknown-kind = the kind of indicator must be Sectorial, Meta trazadora or Proyecto de inversión
import-reason-date = the cell is formatted as a date, not a number: give it a number format in the workbook
import-reason-spreadsheet-error = the cell holds a spreadsheet error: fix it in the workbook
import-reason-objective-not-in-plan = the plan has no such objective
import-reason-ambiguous = { $in_plan ->
        [one] 1 indicator of the plan
       *[other] { $in_plan } indicators of the plan
    } and { $in_matrix ->
        [one] 1 row of the matrix
       *[other] { $in_matrix } rows of the matrix
    } have this meta and this code (or, without a code, this name): which is which is not known, and none was changed
import-reason-meta-name-differs = row { $first_row } gives the same meta another name: keep only one
import-reason-columns-disagree = column «{ $other }» says { $other_value } and both change the same figure of the plan: correct one of them
import-reason-at-cut-disagrees = the row's quarter columns give { $quarters } at the cut, and both change what the plan had: correct one of them
import-not-reported = «not reported»
import-reason-sum-below-earlier = it is less than what the plan's earlier quarters add up to ({ $earlier }): { $quarter } would be { $figure }, below 0; not changed (correct the matrix or those quarters)
import-reason-figure-too-large = the quarter's figure cannot be computed exactly (it is too large)
import-reason-merged-figure = the cell is merged with the one in row { $first_row }: the figure belongs to that row; each indicator needs its own (unmerge the cells in the workbook)
import-reason-mixed-decimals = the file writes decimals with a comma and also with a point, so it cannot be told whether this is { $thousands } (thousands) or { $decimals } (decimals): write decimals one way throughout the file
import-cell-count = { $count ->
        [one] 1 cell
       *[other] { $count } cells
    }
import-row-count = { $count ->
        [one] 1 row
       *[other] { $count } rows
    }
import-rows-refused = { $cells } in { $rows } cannot be imported; nothing was imported
import-no-good-rows = No indicator row can be imported: { $cells } in { $rows } { $count ->
        [one] has problems
       *[other] have problems
    }
import-problems-first = The first { $count }
import-problems-more = … and { $count } more.
import-empty = The file has no indicator rows.
import-missing-columns = Required columns are missing: { $columns }.
import-missing-columns-hidden = The header row has hidden columns, which are not read: { $columns }; unhide them in Excel if they belong to the matrix.
import-no-header = None of the { $rows } rows read is the matrix's header row (the one naming the «Nombre indicador» column). The first one says: «{ $first }». If the file starts with a title, the header row must follow below it; if the text looks garbled, the file is in another encoding: save it from Excel as «CSV UTF-8» or as an .xlsx workbook. ({ $file })
import-repeated-column = Column «{ $header }» is in the headers twice (columns { $first } and { $second }): which to read is not known; keep one. ({ $origin })
import-same-figure-columns = Columns «{ $first_header }» ({ $first }) and «{ $second_header }» ({ $second }) are the same column of the matrix: which to read is not known; keep one. ({ $origin })
import-executed-cuts-disagree = There are two columns of magnitude executed at the cut with different dates: { $first_date } (column { $first }) and { $second_date } (column { $second }): which is the cut is not known; keep one. ({ $origin })
import-vigencia-outside-plan = The matrix has columns of vigencia { $vigencia }, outside the plan's period ({ $first }–{ $last }): nothing was imported.
import-unknown-year-header = Column «{ $header }» has no valid year: write «Programación 2022».
import-unreadable-cut = The cut date of «{ $header }» cannot be read: write «Magnitud ejecutada al corte 31/03/2022».
import-cuts-disagree = The tables have different cuts: { $first } and { $second }.
import-cut-outside-period = The cut { $cut } is outside the programmed vigencias.
import-period-too-long = The programming columns run from { $first } to { $last }: more than { $max } vigencias.
import-quote-spans-rows = A quote («"») opened on row { $first } closes on row { $last }: rows { $first } to { $last } would be read as one. Close that quote where the cell ends, or remove it. ({ $origin })
import-too-many-indicators = The matrix has more than { $max } indicators: it does not look like a plan matrix; nothing was imported.
import-too-much-text = The indicators' texts add up to more than { $max } MB: it does not look like a plan matrix; nothing was imported.

## Importing a matrix: warnings of an import that went through
import-warning-type-ambiguous = row { $row } (indicator { $code }): the total programming fits more than one annualization type; «{ $kind }» was taken ({ $origin })
import-warning-type-guessed = row { $row } (indicator { $code }): no annualization type and no total that tells it; «{ $kind }» was taken ({ $origin })
import-warning-published-mismatch = row { $row } (indicator { $code }): the published progress is { $published } but the computed one is { $computed } ({ $origin })
import-warning-column-ignored = column «{ $column }» is not used
import-warning-row-skipped = row skipped: { $problem }
import-warning-decimal-comma = { $place }: read as { $read } (decimal comma); if it means thousands, write { $thousands } ({ $origin })
import-more-warnings = { $count ->
        [one] … and 1 more warning.
       *[other] … and { $count } more warnings.
    }

## Importing a matrix: summary of what was read
import-summary-indicators = { $count ->
        [one] 1 indicator imported
       *[other] { $count } indicators imported
    }, cut { $cut }.
import-summary-into = { $count ->
        [one] 1 indicator of the matrix in the plan
       *[other] { $count } indicators of the matrix in the plan
    }, cut { $cut }: { $changed } changed, { $unchanged } unchanged, { $added } new.
import-summary-untouched = { $count ->
        [0] The matrix names every indicator of the plan.
        [one] 1 indicator of the plan the matrix does not name was left as it was, with its quarters, comments and weights.
       *[other] { $count } indicators of the plan the matrix does not name were left as they were, with their quarters, comments and weights.
    }
import-summary-cut-moved = The plan's cut moved from { $from } to { $to }: the matrix brings figures of that quarter.
import-summary-hidden = Hidden rows and columns were not read (the sheet is read as Excel shows it): { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    }, { $columns ->
        [one] 1 column
       *[other] { $columns } columns
    }{ $which }.
import-summary-file = File read: { $file }.
import-summary-sheets = { $count ->
        [one] Sheet read
       *[other] Sheets read
    }: { $sheets } ({ $file }).
import-summary-sheets-not-read = Sheets not read: { $sheets }.
import-sheet-without-header = «{ $name }» (no matrix headers)
import-summary-rows = { $count ->
        [one] 1 row read
       *[other] { $count } rows read
    }: { $parts }.
import-summary-decimal-comma = Figures read with a decimal comma and a thousands point, as the file writes them ({ $example }): «1.250» is 1250.
import-summary-decimal-point = Figures read with a decimal point and a thousands comma, as the file writes them ({ $example }): «1,250» is 1250.
import-summary-decimals-both = The file writes decimals with a comma ({ $comma }) and with a point ({ $point }): a figure such as «1.250» cannot be read without a guess.
import-summary-decimals-unknown = No figure of the file tells whether it writes decimals with a comma or a point: «1,250» is read with a decimal comma and «1.250» is not read.
import-rows-before-header = { $count } before the headers
import-rows-headers = { $count } of headers
import-rows-imported = { $count } imported
import-rows-skipped = { $count } skipped
import-rows-with-problems = { $count } with problems
import-rows-repeated-headers = { $count ->
        [one] 1 repeated header
       *[other] { $count } repeated headers
    }
import-rows-totals = { $count ->
        [one] 1 total row
       *[other] { $count } total rows
    }
import-rows-notes = { $count ->
        [one] 1 note or footnote
       *[other] { $count } notes or footnotes
    }
import-rows-empty = { $count } empty
## import
import-no-matrix-headers = no matrix headers
import-sheets-not-read = Sheets not read

## The window: files and notices
app-could-not-open = Could not open
app-import = Import
app-could-not-import = Could not import
app-could-not-export = Could not export
app-could-not-reload = Could not reload
notice-saved-to = Plan saved to { $path }
recovery-not-prepared = Could not prepare the recovery copy ({ $detail }): { $folder }
recovery-original-unreadable = The original file could not be read; use “Save as…”: { $note }
recovery-file-changed-since = { $name } changed on disk since these changes began (someone else saved it). Your changes are here; when you save, Avance will ask what to do.
recovery-file-version-unknown = This copy does not say which version of { $name } it started from (an earlier version of Avance wrote it): when you save, Avance will ask before replacing the file.
recovery-copy-not-written = Could not write the recovery copy of the unsaved changes ({ $detail }): if Avance closes badly they would be lost. Save the plan to keep them. Folder of the copies: { $folder }
recovery-taken-by-another-window = Another Avance window already restored that recovery copy: its changes are in that window.
recovery-unreadable = { $count ->
        [one] There is a recovery copy Avance could not read (damaged, or written by a newer version of Avance); it is still there
       *[other] There are { $count } recovery copies Avance could not read (damaged, or written by a newer version of Avance); they are still there. The first
    }: { $path }
changed-on-disk-kept = { $name } changed on disk (someone else saved it). Your changes are still here; when you save, Avance will ask what to do.
changed-on-disk-reopened = { $name } changed on disk (someone else saved it) and was reopened.
changed-on-disk-not-reopened = { $name } changed on disk but could not be reopened; the plan on screen stays as it was. { $why }
notice-comments-kept-in = The version with comments is in { $path }.
comments-copy-failed = Could not keep the version with comments aside ({ $detail }); nothing was saved: { $path }
untitled-example = Example plan (no file)
untitled-new = New plan (no file)
untitled-imported = Imported from { $from } (not saved)
untitled-recovered = Recovered plan (not saved)
window-no-graphics = Avance could not open its window: this computer does not offer the graphics the window needs (OpenGL 2 or Direct3D 12 / Vulkan). This happens over Remote Desktop, in virtual machines or with Windows’ basic display driver; updating the video driver, or opening Avance on the computer itself, solves it. Everything else works without a window: “avance report”, “avance export” and “avance slides” (see “avance --help”). Technical detail: { $detail }
window-could-not-open = Avance could not open the window: { $detail }

## Find and help
command-find = Find…
command-find-next = Find next
command-help = Help

## The comment box
comment-title = Comment { $quarter } { $vigencia } · indicator { $indicator }
comment-hint = Explain the quarter's figure to the committee: what happened and what will be done.
comment-label = Comment
comment-not-saved = The comment you wrote is not saved.
comment-discard = Discard what I wrote
comment-keep-writing = Keep writing

## Grid: comments and ranges
grid-comment-heading = Note
grid-comment-hint = The comment on the cut quarter: click to write it or read it whole
grid-comment-add = + comment
find-label = Find:
find-hint = code, meta or words of the name
find-none = no results
find-count = { $count ->
        [one] 1 indicator
       *[other] { $count } indicators
    }
find-position = { $at } of { $of }
find-close = Close (Esc)
find-found-in = in: { $places }
found-in-code = code
found-in-meta-code = meta code
found-in-name = indicator name
found-in-meta-name = meta name
found-in-entity = entity

## Help
help-shortcuts = Keyboard shortcuts
help-key-type = Typing
help-does-type = in a cell reached (click, Tab, Enter, arrows) replaces its figure
help-key-f2 = F2 or double-click
help-does-f2 = amend the figure: the caret goes to the end
help-key-enter = Enter / Shift+Enter
help-does-enter = accept and go down / up; in the last row, a new row
help-key-tab = Tab / Shift+Tab
help-does-tab = accept and go to the next / previous cell; from the last row's unit, a new row
help-key-arrows = Arrows
help-does-arrows = move between cells (while amending with F2 they move the caret)
help-key-home-end = Home / End, Ctrl+Home / Ctrl+End
help-does-home-end = first / last cell of the row; of the grid
help-key-pages = Page Up / Page Down
help-does-pages = a screen of rows up / down
help-key-esc = Esc
help-does-esc = give the cell back the figure it had
help-key-shift-arrows = Shift+arrows, Shift+click, drag
help-does-shift-arrows = select a range of cells
help-key-copy-fill = Ctrl+C, Ctrl+V, Delete, Ctrl+D
help-does-copy-fill = copy (as Excel pastes it), paste, empty, fill the range down; each undone by one Ctrl+Z
help-key-menus = F10 or Alt
help-does-menus = open the File menu (arrows go through the menus)
help-key-slides = While presenting (F5): Right arrow, Page Down, Space / Left arrow, Page Up; 1–9 and 0 (objective 10), two digits in a row for 11 and beyond (1 then 2: objective 12); Home / End; O; Esc
help-does-slides = next / previous slide; that objective's; first / last; order of the indicators; leave
help-figures = What the figures mean
help-figures-types = An indicator's progress = executed at the cut ÷ programmed for the vigencia × 100. By annualization type, executed at the cut is the sum of the quarters reported (suma), the last level reported (creciente, constante) or the reduction achieved from the baseline (decreciente). A quarter not reported is not 0; a reported 0 is.
help-figures-cap = The real progress is shown as it is (110% is 110%). In the objective's average each indicator counts between 0% and 100%: what counts is shown in brackets beside the figure, e.g. 120.00% (100).
help-figures-average = An objective's progress = the weighted average of its indicators programmed in the vigencia, divided by the real sum of their weights (a warning says when they do not add up to 100%). Everything is computed exactly and rounded when shown: 2 decimals, half away from zero.
help-figures-cut = The cut (toolbar, vigencia and quarter) is the plan's: every figure is read at it, changing it is one step Ctrl+Z undoes, and it is saved with the plan. To see earlier cuts: each objective's trend, or «avance report --cut 2022-Q1».
help-figures-not-current = A programmed indicator with no report for the cut quarter is not current: its figure is the last quarter reported and says so («as of Q1»), in the grid, on the slides, in the report and in the export. The objective says how many of its indicators are so.
help-files = Where your files are
help-no-file = (the plan has no file yet)
help-plan-file = Plan: { $path }
help-backups = When saving, the previous version is kept beside the plan as NAME.ron.bak; the one of a file with hand-written comments, as NAME.con-comentarios.ron.
help-data-folder = Recovery copies and preferences: { $path }
help-version = Avance, version { $version }
menu-help = Help
welcome-line = This is the Sector Gestión Pública's example plan (cut 31/03/2022). To begin: pick an objective in the tree on the left, and change the cut above to see another quarter.
welcome-dismiss = Got it
app-imported-nothing-changed = Read from { $path }; the plan did not change.
app-imported-from = Read from { $path }; the plan is not saved yet.
app-exported-to = Plan exported at the cut { $cut } to { $path }
grid-comment-missing = Low progress with no comment: the committee will ask why. Click to write it.

## Forecast
report-csv-remaining = Remaining
report-csv-projected = Projected Q4
report-projected = projected year-end: { $projected }
forecast-not-programmed = not programmed in the vigencia: nothing to project
forecast-reached = programming reached
forecast-no-quarters-left = { $remaining } short; no quarters left
forecast-suma = { $remaining } to go in { $quarters ->
        [one] 1 quarter
       *[other] { $quarters } quarters
    }: { $per_quarter } per quarter
forecast-level = { $remaining } to go to reach the programmed level in { $quarters ->
        [one] 1 quarter
       *[other] { $quarters } quarters
    }
forecast-down = must still come down { $remaining } in { $quarters ->
        [one] 1 quarter
       *[other] { $quarters } quarters
    }
forecast-projected = at this pace, the vigencia closes at { $executed }: { $progress }
forecast-no-pace = nothing reported yet: no pace to project (counts 0%)
grid-remaining-heading = To go
grid-remaining-hint = What remains to reach 100% of the vigencia's programming
grid-projected-heading = Projected Q4
grid-projected-hint = The avance the vigencia would close with at the current pace
grid-objective-projected = The objective's projection: weighted average of the projections
## Comparing two plans (avance diff, File → Compare with…)
place-entity = entity { $number }
place-meta = meta { $code }
place-meta-without-code = meta without code
place-indicator-without-code = indicator { $label } «{ $name }» of { $entity }
place-indicator-without-code-or-entity = indicator { $label } «{ $name }»
match-repeated-objective = { $file } has two objectives numbered { $number }: which is which cannot be known when comparing or consolidating. Correct the file (avance validate points it out) and try again.
diff-subject-title = title
diff-subject-sector = sector
diff-subject-sector-mission = sector mission
diff-subject-name = name
diff-subject-mission = mission
diff-subject-vision = vision
diff-subject-objective-text = text
diff-subject-responsible-entity = responsible entity
diff-subject-unit = unit
diff-subject-annualization = annualization type
diff-subject-indicator-kind = kind of indicator
diff-subject-cap = 100% cap in the average
diff-subject-red-below = traffic light: red below
diff-subject-yellow-below = traffic light: yellow below
diff-subject-green-up-to = traffic light: green up to
diff-subject-language = language
diff-subject-meta-order = order of the metas
diff-subject-indicator-order = order of the indicators
diff-quoted = “{ $text }”
diff-empty = (empty)
diff-not-reported = not reported
diff-no-comment = no comment
diff-yes = yes
diff-no = no
diff-item-entity = entity “{ $name }”
diff-item-objective = objective “{ $text }”
diff-item-meta = meta “{ $name }” ({ $indicators ->
        [one] 1 indicator
       *[other] { $indicators } indicators
    })
diff-item-indicator = indicator “{ $name }”
diff-changed = { $old } → { $new }
diff-identical = { $a } and { $b } are identical: no difference.
diff-heading = From { $a } to { $b }: { $count ->
        [one] 1 difference
       *[other] { $count } differences
    }
diff-progress-heading = Progress at the cut { $cut } ({ $a } → { $b }):
diff-objective-progress = Objective { $number }: { $a } → { $b }
diff-objective-progress-moved = Objective { $number }: { $a } → { $b } ({ $delta })
cli-diff-cut-outside-periods = The cut { $cut } is outside the period of both plans.
cli-merge-conflict = conflict: { $text }
cli-merge-resolved = resolved, { $source } wins: { $text }
cli-merge-unresolved = { $count ->
        [one] 1 conflict unresolved
       *[other] { $count } conflicts unresolved
    }: nothing was written. Use --prefer FILE to say which file wins (an entity's or the sector's; it can be repeated: the first that applies wins).
cli-merge-prefer-unknown = --prefer { $path } is none of the files given (the sector's or the entities').
cli-merge-taken = { $file }: { $figures ->
        [one] brings 1 changed figure
       *[other] brings { $figures } changed figures
    }; holds { $indicators ->
        [one] 1 indicator
       *[other] { $indicators } indicators
    } of the sector
cli-merge-changed = Figures changed in the sector plan: { $count }.
cli-merge-sector-only = { $count ->
        [one] 1 sector indicator is in no entity file: it keeps its figures.
       *[other] { $count } sector indicators are in no entity file: they keep their figures.
    }
cli-merge-added = { $count ->
        [one] 1 indicator added from an entity file.
       *[other] { $count } indicators added from entity files.
    }
diff-added = new: { $item }
diff-removed = removed: { $item }

## Consolidating the entities' files (avance merge, File → Consolidate…)
merge-conflict-differ = each file brings a different change: { $values } (in { $sector }: { $value })
merge-conflict-not-in-sector = { $entity } { $count ->
        [one] has
       *[other] have
    } this indicator and the sector plan does not
merge-conflict-would-erase = the sector plan has { $value } and { $entity } { $count ->
        [one] does
       *[other] do
    } not (the entity erased it, or it was added in the sector after the copy was taken): consolidating would erase it
merge-conflict-ambiguous = { $entity } has { $in_file ->
        [one] 1 indicator
       *[other] { $in_file } indicators
    } with this key (the same code, or the same entity and name) in this meta and the sector plan { $in_sector }: which is which cannot be known
merge-choice-value = { $source }: { $value }
merge-choice-add = add it from { $source }
merge-choice-leave-out = leave it out, as in { $source }
merge-choice-keep = keep the figures of { $source }, taking nothing from the file
compare-this-plan = this plan
merge-this-plan = this plan
command-compare = Compare with…
command-consolidate = Consolidate…
compare-could-not-read = Could not compare
compare-with-plan = Compare with another plan
compare-button = Compare
compare-window-title = Comparison with { $name }
compare-swap = Swap
compare-swap-hint = Read the differences the other way round
compare-click-go-to = Click to go to where it is in this plan
merge-no-file-chosen = No file was chosen: type its path.
merge-file-already-listed = { $name } is already in the list.
merge-nothing-changed = Consolidated: the entity files change nothing in this plan.
merge-done = Consolidated: { $figures ->
        [one] 1 figure changed
       *[other] { $figures } figures changed
    } from { $files ->
        [one] 1 entity file
       *[other] { $files } entity files
    }{ $added ->
        [0] {""}
        [one] , 1 indicator added
       *[other] , { $added } indicators added
    }. Ctrl+Z undoes it; the plan is not saved yet.
merge-title = Consolidate the entities' files
merge-explanation = Each entity file, a part of the plan or a full copy, is compared with this plan: a figure a file changed is taken; one no file changed stays. Two files that change the same figure differently, or a figure this plan has and a file does not, are conflicts: choose what wins. This plan's texts, settings and cut stay. One Ctrl+Z undoes it all.
merge-entity-files = Entity files:
merge-no-files-yet = none yet
merge-file-line = { $name }: { $figures ->
        [one] brings 1 changed figure
       *[other] brings { $figures } changed figures
    } ({ $count ->
        [one] 1 indicator of this plan
       *[other] { $count } indicators of this plan
    })
merge-remove-file = Remove { $name } from the list
merge-pick-file = Choose file…
merge-or-type-path = or type its path:
merge-add-file = Add
merge-no-conflicts = No conflicts: everything can be consolidated.
merge-conflicts-heading = { $count ->
        [one] 1 conflict
       *[other] { $count } conflicts
    } ({ $unresolved } not chosen).
merge-prefer-everywhere = Let win everywhere:
merge-consolidate = Consolidate
merge-choose-first = First choose what wins in each conflict
merge-remove = Remove
compare-more-differences = … and { $count ->
        [one] 1 more difference
       *[other] { $count } more differences
    } (avance diff lists them all).

## Objectives: a new plan, removing one
new-plan-title = New plan
new-plan-question = The plan's frame; all of it can be changed later under Plan and entities.
new-plan-objectives-label = Number of objectives
new-plan-create = Create
new-plan-objectives-not-a-number = type a whole number from 1 to { $max }
new-plan-objectives-out-of-range = a plan has from 1 to { $max } objectives
remove-objective-title = Remove objective { $number }?
remove-objective-text = { $indicators ->
    [one] Objective { $number } has 1 indicator, which is removed with it.
   *[other] Objective { $number } has { $indicators } indicators, which are removed with it.
} The objectives after it move down one number. Ctrl+Z undoes it.
remove-objective-confirm = Remove objective
## Files per entity (avance split)
split-no-indicators = The plan has no indicators: there is nothing to hand to the entities.
split-file-exists = That file already exists; choose another folder (or use --force on the command line to replace it): { $path }
split-not-a-folder = The entities' files go in a folder, and “{ $path }” is a file: type a folder's name (it is made if missing).
split-folder-failed = The folder could not be made ({ $detail }): { $path }
split-write-failed = The entities' files were not written: one could not be written or replaced ({ $detail }). The folder's files are as they were: { $path }
split-stranded = The entities' files were not written, and while undoing what was done a file could not go back to its previous version ({ $detail }): the previous version is in { $kept_in }. File: { $path }
split-no-entity-file = no-entity
split-no-entity = (no entidad responsable)
split-written = { $entity }: { $count ->
        [one] 1 indicator
       *[other] { $count } indicators
    }, in { $path }
split-summary = { $count ->
        [one] 1 file written
       *[other] { $count } files written
    } in { $path }. Each entity types its figures in its own; then they are gathered with avance merge, or with Consolidate… in the File menu.

## Weights of a vigencia (avance reweight)
reweight-source-earlier = in proportion to the weights of { $vigencia }; an indicator without a weight in { $vigencia } gets the average of the others
reweight-source-equal-asked = equal, as asked
reweight-source-equal-no-earlier = equal: no earlier vigencia has weights for these indicators
reweight-source-none-programmed = no indicator is programmed in { $vigencia }: no weights
reweight-objective-line = Objective { $number } · { $vigencia }: { $source }
reweight-indicator-line = { $indicator } “{ $name }”: { $current } → { $proposed }
reweight-not-programmed = empty (not programmed)
reweight-total-line = Total: { $current } → { $proposed }
reweight-empty = empty
reweight-no-change = The weights already are the proposed ones; the file was not changed.
reweight-changed = { $count ->
        [one] 1 weight changed
       *[other] { $count } weights changed
    } in { $vigencia }.
reweight-vigencia-outside-period = The vigencia { $vigencia } is not in the plan's period ({ $first }–{ $last }).
reweight-no-objective = The plan has no Objective { $number }.
reweight-refused-repeated-objective = No weights are proposed: two objectives have the number { $number }, and which is which cannot be known. Correct the file first (avance validate points to it).
reweight-refused-negative-weight = No weights are proposed: indicator { $indicator } of objective { $objective } has a negative weight in { $vigencia } ({ $weight }). Correct it first (avance validate points to it).
reweight-has-comments = The file has hand-written comments (the first at line { $line }, column { $column }) and saving would drop them. Use --force to save it without them (the current version is kept as .bak): { $path }
reweight-title = Adjust weights
reweight-objective = Objective
reweight-vigencia = Vigencia
reweight-equal = Equal weights
reweight-column-indicator = Indicator
reweight-column-current = Current
reweight-column-proposed = Proposed
reweight-apply = Apply
reweight-cancel = Cancel
reweight-nothing-to-apply = The weights already are the proposed ones.
command-reweight = Adjust weights…
command-split = Prepare files per entity…
split-done-title = Files per entity
split-failed-title = The files were not prepared
split-write = Write
reweight-column-total = Total
split-folder-suffix = entities

## The plan's frame: period and entities (Archivo → Nuevo, Plan y entidades)
period-last-before-first = the last vigencia ({ $last }) comes before the first ({ $first })
period-too-long = a plan spans at most { $max } vigencias; { $first } to { $last } is more
entity-name-empty = type the entity's name
entity-name-repeated = the entity «{ $name }» is already in the plan
entity-name-none = type at least one entity, one per line
problem-entity-not-in-plan = the responsible entity «{ $name }» is not among the plan's entities
new-plan-first-label = First vigencia
new-plan-last-label = Last vigencia
new-plan-entities-label = Entities (one per line)
new-plan-objectives-hint = 1 to { $max }; they can be added and removed later
new-plan-year-not-a-year = «{ $text }» is not a vigencia: type the year with four digits, e.g. 2024
details-entities = Entities
details-new-entity = New entity
details-add-entity = + Add entity
details-remove-entity = Remove entity…
details-remove-entity-hint = Takes the entity out of the plan; asks first when an indicator names it
details-entity-rename-hint = { $indicators ->
    [0] No indicator names it as responsible entity
    [one] Renaming it renames it in the indicator that names it too (one Ctrl+Z)
   *[other] Renaming it renames it in the { $indicators } indicators that name it too (one Ctrl+Z)
}
details-apply-period = Apply period
details-apply-period-hint = When the new period leaves out vigencias with figures, asks first and says how many go
remove-entity-title = Remove the entity «{ $name }»?
remove-entity-text = { $indicators ->
    [one] 1 indicator names it as responsible entity. It keeps that name, and validation will warn that it is not among the plan's entities.
   *[other] { $indicators } indicators name it as responsible entity. They keep that name, and validation will warn that it is not among the plan's entities.
}
remove-entity-confirm = Remove entity
shorten-period-title = Change the period?
shorten-period-text = { $figures ->
    [one] The period { $first }–{ $last } leaves out 1 figure (programming, weight, execution or comment), which goes. Ctrl+Z brings it back.
   *[other] The period { $first }–{ $last } leaves out { $figures } figures (programming, weights, executions and comments), which go. Ctrl+Z brings them back.
}
shorten-period-confirm = Change the period
details-entity-number = Entity { $number }
details-pick-entity = Pick…
details-pick-entity-name = Pick responsible entity
details-pick-entity-hint = The plan's entities (Plan and entities); another name can be typed too, and validation points it out
command-open-example = Open the example plan
app-last-plan-not-opened-title = The last plan used did not open
