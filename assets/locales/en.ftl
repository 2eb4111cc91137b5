# Avance — English texts. Numbers arrive already formatted: 50.24%, 1,234.50.
# Every id also exists in es.ftl (a test requires it).

findings-count = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }

## Validation: where each finding is
place-objective = Objective { $number }
place-indicator = indicator { $label }
field-period = period
field-cut = cut
field-objective-number = number
field-code = code
field-baseline = baseline
field-declared-total = total programming
field-weight = weight { $vigencia }
field-programmed = programming { $vigencia }
field-executed = executed { $vigencia } Q{ $quarter }
field-comment = comment { $vigencia } Q{ $quarter }

## Validation: what is wrong
problem-period-reversed = the period { $first }–{ $last } is reversed
problem-cut-outside-period = the cut { $cut } is outside the period { $first }–{ $last }
problem-objective-number-invalid = number { $number } is not between 1 and 5
problem-objective-number-repeated = number { $number } is repeated
problem-negative-programming = programming cannot be negative ({ $value })
problem-negative-weight = the weight cannot be negative ({ $value })
problem-missing-baseline = a decreciente indicator needs a baseline to compute its progress
problem-baseline-equals-programming = the baseline equals the programming: there is no reduction to measure
problem-duplicate-code = code { $code } is repeated in the objective
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
no-average-weights-zero = the weights of { $vigencia } add up to 0: there is nothing to divide by
no-average-out-of-range = the weights are too large to compute the average

## Numbers typed in a cell or read from a file
number-empty = The value is empty.
number-not-a-number = «{ $text }» is not a number: type, for example, 27.50.
number-ambiguous = «{ $text }» is ambiguous (thousands or decimals?): type { $hint }.
number-ambiguous-hint = { $thousands } or { $decimals }
number-too-large = «{ $text }» is too large.

## The grid
cell-not-accepted = «{ $text }» was not accepted: { $reason }
cell-refused-keeps-value = The plan keeps the previous value (Esc puts it back in the cell).
progress-capped = Above the cap: in the objective's average it counts { $counts }
progress-floored = Negative: in the objective's average it counts { $counts }
