//! The command line: open a plan in the window, or report, check, format, import or export a
//! plan. Each subcommand is a struct of its arguments with its own `run`; what it prints goes
//! to stdout, problems to stderr, in the language asked for.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::briefing;
use crate::io::export::{self, ExportFormat};
use crate::io::generate::{self, GenerateRequest};
use crate::io::import::{BadRows, ImportRequest, Imported};
use crate::io::split::{self, SplitError};
use crate::io::{diff_report, plan_file, report, safe_write};
use crate::model::diff::{self, PlanDiff};
use crate::model::format;
use crate::model::merge::{self, Source, SourceNames};
use crate::model::reweight::{self, Basis, Proposal};
use crate::model::validation::{FindingCounts, Severity, validate};
use crate::model::{Cut, Language, Plan, Vigencia};
use crate::tr;
use crate::view::slides::SlideOrder;

// Standard output that a reader who stopped (`avance report … | head -3`) does not crash: std's
// own print macros panic on a closed pipe; here what no one reads any more is dropped.
macro_rules! print {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Avance: follow a sector strategic plan's progress, quarter by quarter.
#[derive(Debug, Parser)]
#[command(
    name = "avance",
    // Usage lines say `avance` however the program was started (on Windows, through avance.com,
    // it is started as `C:\…\avance.exe`).
    bin_name = "avance",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file (.ron) to open in the window; without it, the seed's plan.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// What to do without opening the window.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Print the plan's progress at a cut.
    Report(ReportArgs),
    /// Check a plan and print what is wrong; exits 1 when there are errors.
    Validate(ValidateArgs),
    /// Rewrite a plan file in its canonical layout (stable order, one field per line); the
    /// previous version is kept as FILE.bak.
    Fmt(FmtArgs),
    /// Build a plan from an indicator matrix (.tsv, .csv or .xlsx laid out like the seed's
    /// tables, with an Objetivo column).
    Import(ImportArgs),
    /// Write the plan at a cut as an Excel workbook or CSV.
    Export(ExportArgs),
    /// Print every difference from plan A to plan B, then each objective's progress in both at
    /// one cut; exits 0 when identical, 1 when they differ, 2 when a file cannot be read.
    Diff(DiffArgs),
    /// Gather the entities' files (their parts of the plan, or full copies) into the sector's
    /// plan: a figure a file changed from the sector's is taken; the sector's texts and
    /// settings stay. Nothing is written while a conflict is unresolved.
    Merge(MergeArgs),
    /// Write a generated plan of up to 30 000 indicators (benchmarks, trials): five objectives,
    /// every annualization type, weights adding up to 100; the same seed gives the same file.
    Generate(GenerateArgs),
    /// Propose the weights of a vigencia for its programmed indicators (the seed's rule: they
    /// follow the number of indicators programmed in the year), adding up to exactly 100,00 per
    /// objective; print them beside the current ones (--dry-run) or write them into the plan
    /// (the previous version is kept as FILE.bak).
    Reweight(ReweightArgs),
    /// Write one plan file per entity into a folder, each holding only that entity's
    /// indicators (with the sector's texts, settings, period and cut); `avance merge` brings
    /// their figures back.
    Split(SplitArgs),
    /// Write the committee's briefing pack at a cut: one PNG per slide (1920×1080) and a PDF of
    /// them all, drawn as the window's presentation mode draws them.
    Slides(SlidesArgs),
}

impl CliCommand {
    /// Carries out the subcommand; what it prints goes to stdout, problems to stderr.
    pub fn execute(self) -> ExitCode {
        match self {
            CliCommand::Report(args) => args.run(),
            CliCommand::Validate(args) => args.run(),
            CliCommand::Fmt(args) => args.run(),
            CliCommand::Import(args) => args.run(),
            CliCommand::Export(args) => args.run(),
            CliCommand::Diff(args) => args.run(),
            CliCommand::Merge(args) => args.run(),
            CliCommand::Generate(args) => args.run(),
            CliCommand::Slides(args) => args.run(),
            CliCommand::Reweight(args) => args.run(),
            CliCommand::Split(args) => args.run(),
        }
    }
}

/// `avance report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// The cut: 2022-Q1 (or 31/03/2022); default the plan's own cut.
    #[arg(long)]
    pub cut: Option<Cut>,
    /// Text (a table to read), JSON or CSV.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Language of the text and CSV reports; default the plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl ReportArgs {
    /// Prints the report; exit 2 when the plan cannot be read or the cut is outside its period.
    pub fn run(self) -> ExitCode {
        let (plan, language) = match load(&self.file, self.lang) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        let cut = match cut_in_period(&plan, self.cut, language) {
            Ok(cut) => cut,
            Err(code) => return code,
        };
        match self.format {
            ReportFormat::Text => print!("{}", report::to_text(&plan, cut, language)),
            // Written as it is put together, never held whole (a closed pipe: the rest dropped).
            ReportFormat::Json => {
                let _ = report::write_json(&plan, cut, &mut std::io::stdout().lock());
            }
            ReportFormat::Csv => print!("{}", report::to_csv(&plan, cut, language)),
        }
        // The command ends here: the system takes the memory back at once, where freeing a
        // large plan piece by piece would take a tenth of the command's time.
        std::mem::forget(plan);
        ExitCode::SUCCESS
    }
}

/// `avance validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// Language of the messages; default the plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl ValidateArgs {
    /// Prints each finding, then the counts; exit 1 when there are errors.
    pub fn run(self) -> ExitCode {
        let (plan, language) = match load(&self.file, self.lang) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        let findings = validate(&plan);
        for finding in &findings {
            let text = finding.message(language);
            let line = match finding.severity() {
                Severity::Error => tr!(language, "cli-error-line", text = text),
                Severity::Warning => tr!(language, "cli-warning-line", text = text),
            };
            println!("{line}");
        }
        let counts = FindingCounts::of(&findings);
        println!("{}", counts.text(language));
        if counts.errors > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// `avance fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// Rewrite it even when it has hand-written comments (the layout has no place for them:
    /// they are dropped; FILE.bak keeps them).
    #[arg(long)]
    pub force: bool,
}

impl FmtArgs {
    /// Rewrites the plan in canonical layout; refuses to drop hand-written comments without
    /// --force (exit 2).
    pub fn run(self) -> ExitCode {
        let opened = match plan_file::open(&self.file) {
            Ok(opened) => opened,
            Err(e) => {
                eprintln!("{}", e.message(Language::Es));
                return ExitCode::from(2);
            }
        };
        let language = opened.plan.settings.language;
        if let Some(at) = opened.comment.filter(|_| !self.force) {
            eprintln!(
                "{}",
                tr!(
                    language,
                    "cli-fmt-has-comments",
                    line = at.line,
                    column = at.column,
                    path = self.file.display().to_string()
                )
            );
            return ExitCode::from(2);
        }
        match plan_file::save(&opened.plan, &self.file) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}", e.command_line_message(language));
                ExitCode::FAILURE
            }
        }
    }
}

/// `avance import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The matrix to read.
    pub file: PathBuf,
    /// The plan file to write (.ron).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Skip the rows with problems (they are listed) instead of stopping.
    #[arg(long)]
    pub lenient: bool,
    /// Put the matrix's figures into this plan: only what the matrix carries changes (the cut's
    /// quarter, the columns it has, the indicators it names); everything else stays as it is.
    #[arg(long, value_name = "PLAN.ron")]
    pub into: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Read only this sheet of an .xlsx workbook (even a hidden one); without it, every
    /// visible sheet.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Language of the messages; default Spanish.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl ImportArgs {
    /// Imports and writes the plan: warnings to stderr, the summary to stdout. Exit 1 when the
    /// matrix cannot be imported or the plan written, 2 when the arguments say no.
    pub fn run(self) -> ExitCode {
        let language = self.lang.map_or(Language::Es, Language::from);
        if let Some(code) = refuse_overwrite(&self.output, self.force, language) {
            return code;
        }
        if crate::io::is_same_file(&self.output, &self.file) {
            let path = self.output.display().to_string();
            eprintln!("{}", tr!(language, "cli-output-is-the-matrix", path = path));
            return ExitCode::from(2);
        }
        let base = match self.into.as_deref().map(plan_file::load).transpose() {
            Ok(base) => base,
            Err(e) => {
                eprintln!("{}", e.message(language));
                return ExitCode::from(2);
            }
        };
        let request = ImportRequest {
            path: self.file.clone(),
            sheet: self.sheet.clone(),
            bad_rows: self.bad_rows(),
        };
        let imported = match &base {
            Some(base) => request.run_into(base),
            None => request.run(),
        };
        match imported {
            Ok(imported) => self.write(&imported, language),
            Err(e) => {
                eprintln!("{}", e.message_about(&self.file, language));
                if e.can_skip_bad_rows() {
                    eprintln!("{}", tr!(language, "cli-import-fix-or-skip"));
                }
                ExitCode::FAILURE
            }
        }
    }

    /// What `--lenient` asks for.
    fn bad_rows(&self) -> BadRows {
        if self.lenient {
            BadRows::Skip
        } else {
            BadRows::Stop
        }
    }

    /// Tells the warnings, writes the plan, then tells what was imported and where it went.
    fn write(&self, imported: &Imported, language: Language) -> ExitCode {
        let report = imported.report(language);
        for line in &report.warnings {
            eprintln!("{}", tr!(language, "cli-warning-line", text = line));
        }
        if let Some(line) = &report.unlisted_warnings {
            eprintln!("{line}");
        }
        if let Err(e) = plan_file::save(&imported.plan, &self.output) {
            eprintln!("{}", e.command_line_message(language));
            return ExitCode::FAILURE;
        }
        for line in &report.summary {
            println!("{line}");
        }
        let path = self.output.display().to_string();
        println!("{}", tr!(language, "cli-plan-written-to", path = path));
        ExitCode::SUCCESS
    }
}

/// `avance export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// Excel workbook or CSV.
    #[arg(long, value_parser = export_format_parser())]
    pub format: ExportFormat,
    /// The file to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The cut: 2022-Q1 (or 31/03/2022); default the plan's own cut.
    #[arg(long)]
    pub cut: Option<Cut>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

impl ExportArgs {
    /// Writes the export; messages in the plan's language.
    pub fn run(self) -> ExitCode {
        let (plan, language) = match load(&self.file, None) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        if let Some(code) = refuse_overwrite(&self.output, self.force, language) {
            return code;
        }
        if let Err(e) = export::not_over_the_plan(&self.output, &self.file) {
            eprintln!("{}", e.message(language));
            return ExitCode::from(2);
        }
        let cut = self.cut.unwrap_or(plan.cut);
        match export::export(&plan, cut, self.format, &self.output) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}", e.message(language));
                ExitCode::FAILURE
            }
        }
    }
}

/// `avance generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many indicators the plan has (at most 30 000).
    #[arg(long)]
    pub indicators: usize,
    /// Another seed gives another plan of the same size.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// How many objectives share the indicators (1 to 20).
    #[arg(long, default_value_t = crate::model::DEFAULT_OBJECTIVES)]
    pub objectives: u8,
    /// The plan file to write (.ron).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

impl GenerateArgs {
    /// Writes the generated plan; exit 2 when the file exists (without --force) or more
    /// indicators than [`generate::MAX_INDICATORS`] are asked for, 1 when it cannot be written.
    pub fn run(self) -> ExitCode {
        let language = Language::Es;
        if self.indicators > generate::MAX_INDICATORS {
            eprintln!(
                "{}",
                tr!(
                    language,
                    "cli-generate-too-many",
                    asked = format::whole(self.indicators as u64, language),
                    max = format::whole(generate::MAX_INDICATORS as u64, language)
                )
            );
            return ExitCode::from(2);
        }
        if !(1..=crate::model::MAX_OBJECTIVES).contains(&self.objectives) {
            eprintln!(
                "{}",
                tr!(
                    language,
                    "cli-generate-objectives",
                    asked = self.objectives,
                    max = crate::model::MAX_OBJECTIVES
                )
            );
            return ExitCode::from(2);
        }
        if let Some(code) = refuse_overwrite(&self.output, self.force, language) {
            return code;
        }
        let plan = generate::generate(GenerateRequest {
            indicators: self.indicators,
            seed: self.seed,
            objectives: self.objectives,
        });
        if let Err(e) = plan_file::save(&plan, &self.output) {
            eprintln!("{}", e.command_line_message(language));
            return ExitCode::FAILURE;
        }
        let path = self.output.display().to_string();
        println!("{}", tr!(language, "cli-plan-written-to", path = path));
        ExitCode::SUCCESS
    }
}

/// `avance diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Plan A (before).
    pub a: PathBuf,
    /// Plan B (after).
    pub b: PathBuf,
    /// The cut both plans' progress is read at: 2022-Q1 (or 31/03/2022); default B's own cut.
    #[arg(long)]
    pub cut: Option<Cut>,
    /// Text (lines to read) or JSON.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Language of the text; default B's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl DiffArgs {
    /// Prints the differences; exit 0 when the plans are identical, 1 when they differ, 2 when
    /// a file cannot be read or the cut is outside both periods.
    pub fn run(self) -> ExitCode {
        let (a, b) = match (load(&self.a, self.lang), load(&self.b, self.lang)) {
            (Ok((a, _)), Ok(b)) => (a, b),
            (Err(code), _) | (_, Err(code)) => return code,
        };
        let (b, language) = b;
        for (plan, path) in [(&a, &self.a), (&b, &self.b)] {
            if let Err(repeated) = diff::objectives_apart(plan) {
                let file = path.display().to_string();
                eprintln!("{}", repeated.message(language, &file));
                return ExitCode::from(2);
            }
        }
        let cut = self.cut.unwrap_or(b.cut);
        if !a.period.contains(cut.vigencia) && !b.period.contains(cut.vigencia) {
            eprintln!(
                "{}",
                tr!(language, "cli-diff-cut-outside-periods", cut = cut.date())
            );
            return ExitCode::from(2);
        }
        let diff = PlanDiff::new(&a, &b, cut);
        let (a_name, b_name) = (self.a.display().to_string(), self.b.display().to_string());
        let names = diff_report::Names {
            a: &a_name,
            b: &b_name,
        };
        let text = match self.format {
            DiffFormat::Text => diff_report::to_text(&diff, names, language),
            DiffFormat::Json => diff_report::to_json(&diff, names, language),
        };
        print!("{text}");
        if diff.is_identical() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// `avance diff` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

/// `avance merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The sector's plan file: its texts, settings and structure stay.
    pub sector: PathBuf,
    /// The entities' plan files: each a part of the plan (that entity's indicators) or a full
    /// copy, compared with the sector's.
    #[arg(required = true, value_name = "ENTITY")]
    pub entities: Vec<PathBuf>,
    /// The consolidated plan file to write (.ron); it may be the sector's own, with --force.
    #[arg(short, long)]
    pub output: PathBuf,
    /// In a conflict, this file wins (an entity's, or the sector's for what the sector has);
    /// may be repeated: the first that can win does.
    #[arg(long, value_name = "FILE")]
    pub prefer: Vec<PathBuf>,
    /// Replace the output file if it exists (its previous version is kept as .bak).
    #[arg(long)]
    pub force: bool,
    /// Language of the messages; default the sector plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl MergeArgs {
    /// Consolidates and writes the plan; conflicts to stderr. Exit 1 when a conflict is
    /// unresolved (nothing written) or the plan cannot be written, 2 when a file cannot be read
    /// or the arguments say no.
    pub fn run(self) -> ExitCode {
        let (sector, language) = match load(&self.sector, self.lang) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        if let Some(code) = refuse_overwrite(&self.output, self.force, language) {
            return code;
        }
        let mut entities = Vec::with_capacity(self.entities.len());
        for path in &self.entities {
            match load(path, Some(self.lang.unwrap_or(language.into()))) {
                Ok((plan, _)) => entities.push(plan),
                Err(code) => return code,
            }
        }
        let mut prefer = Vec::with_capacity(self.prefer.len());
        for path in &self.prefer {
            match self.source_of(path) {
                Some(source) => prefer.push(source),
                None => {
                    let path = path.display().to_string();
                    eprintln!("{}", tr!(language, "cli-merge-prefer-unknown", path = path));
                    return ExitCode::from(2);
                }
            }
        }
        let names = SourceNames {
            sector: self.sector.display().to_string(),
            entities: self
                .entities
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
        };
        let merged = match merge::merge(&sector, &entities, |c| c.preferred(&prefer)) {
            Ok(merged) => merged,
            Err(refused) => {
                eprintln!("{}", refused.message(language, &names));
                return ExitCode::from(2);
            }
        };
        for (conflict, winner) in merged.conflicts.iter().zip(&merged.resolutions) {
            let text = conflict.message(language, &names);
            match winner {
                Some(source) => println!(
                    "{}",
                    tr!(
                        language,
                        "cli-merge-resolved",
                        source = names.of(*source),
                        text = text
                    )
                ),
                None => eprintln!("{}", tr!(language, "cli-merge-conflict", text = text)),
            }
        }
        let unresolved = merged.unresolved().count();
        if unresolved > 0 {
            eprintln!(
                "{}",
                tr!(language, "cli-merge-unresolved", count = unresolved)
            );
            return ExitCode::FAILURE;
        }
        if let Err(e) = plan_file::save(&merged.plan, &self.output) {
            eprintln!("{}", e.command_line_message(language));
            return ExitCode::FAILURE;
        }
        print_merge_summary(&merged, &names, language);
        let path = self.output.display().to_string();
        println!("{}", tr!(language, "cli-plan-written-to", path = path));
        ExitCode::SUCCESS
    }

    /// Which of the files given `path` names: the same path, or the same file on disk.
    fn source_of(&self, path: &Path) -> Option<Source> {
        let same = |given: &Path| {
            given == path
                || matches!(
                    (std::fs::canonicalize(given), std::fs::canonicalize(path)),
                    (Ok(x), Ok(y)) if x == y
                )
        };
        if same(&self.sector) {
            return Some(Source::Sector);
        }
        self.entities
            .iter()
            .position(|given| same(given))
            .map(Source::Entity)
    }
}

/// What a consolidation written says: what each file brought and holds, how many figures of
/// the sector's plan changed, the indicators no file holds and those added.
fn print_merge_summary(merged: &merge::Merged, names: &SourceNames, language: Language) {
    for (name, brought) in names.entities.iter().zip(&merged.files) {
        println!(
            "{}",
            tr!(
                language,
                "cli-merge-taken",
                file = name,
                figures = brought.figures,
                indicators = brought.indicators
            )
        );
    }
    println!(
        "{}",
        tr!(language, "cli-merge-changed", count = merged.changed)
    );
    if merged.sector_only > 0 {
        let count = merged.sector_only;
        println!("{}", tr!(language, "cli-merge-sector-only", count = count));
    }
    if merged.added > 0 {
        println!("{}", tr!(language, "cli-merge-added", count = merged.added));
    }
}

/// `avance reweight`.
#[derive(Debug, Args)]
pub struct ReweightArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// The vigencia whose weights are proposed, e.g. 2023.
    #[arg(long, value_name = "YYYY")]
    pub vigencia: Vigencia,
    /// Only this objective (its number); without it, every objective.
    #[arg(long, value_name = "N")]
    pub objective: Option<u8>,
    /// Equal weights, instead of the proportions of the nearest earlier vigencia's weights.
    #[arg(long)]
    pub equal: bool,
    /// Print the proposal beside the current weights; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Save even when the file has hand-written comments (dropped; FILE.bak keeps them).
    #[arg(long)]
    pub force: bool,
    /// Language of the text; default the plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl ReweightArgs {
    /// Prints the proposal and, without --dry-run, writes it into the plan. Exit 2 when the
    /// plan cannot be read, the vigencia is outside its period or the objective is not in it;
    /// 1 when it cannot be written.
    pub fn run(self) -> ExitCode {
        let opened = match plan_file::open(&self.file) {
            Ok(opened) => opened,
            Err(e) => {
                let language = self.lang.map_or(Language::Es, Language::from);
                eprintln!("{}", e.message(language));
                return ExitCode::from(2);
            }
        };
        let mut plan = opened.plan;
        let language = self.lang.map_or(plan.settings.language, Language::from);
        if !plan.period.contains(self.vigencia) {
            eprintln!(
                "{}",
                tr!(
                    language,
                    "reweight-vigencia-outside-period",
                    vigencia = self.vigencia,
                    first = plan.period.first,
                    last = plan.period.last
                )
            );
            return ExitCode::from(2);
        }
        if let Some(why) = reweight::refused(&plan) {
            eprintln!("{}", why.message(language));
            return ExitCode::from(2);
        }
        let basis = if self.equal {
            Basis::Equal
        } else {
            Basis::KeepProportions
        };
        let proposals = match self.objective {
            None => reweight::propose_all(&plan, self.vigencia, basis),
            Some(number) => {
                let found = plan
                    .objectives
                    .iter()
                    .position(|o| o.number == number)
                    .and_then(|o| reweight::propose(&plan, o, self.vigencia, basis));
                match found {
                    Some(proposal) => vec![proposal],
                    None => {
                        eprintln!(
                            "{}",
                            tr!(language, "reweight-no-objective", number = number)
                        );
                        return ExitCode::from(2);
                    }
                }
            }
        };
        print!("{}", report::reweight_text(&plan, &proposals, language));
        if self.dry_run {
            return ExitCode::SUCCESS;
        }
        let edits: Vec<_> = proposals.iter().flat_map(Proposal::edits).collect();
        if edits.is_empty() {
            println!("{}", tr!(language, "reweight-no-change"));
            return ExitCode::SUCCESS;
        }
        if let Some(at) = opened.comment.filter(|_| !self.force) {
            eprintln!(
                "{}",
                tr!(
                    language,
                    "reweight-has-comments",
                    line = at.line,
                    column = at.column,
                    path = self.file.display().to_string()
                )
            );
            return ExitCode::from(2);
        }
        let count = edits.len();
        for edit in edits {
            // The proposal's edits point at the plan's own indicators.
            let _ = plan.apply(edit);
        }
        if let Err(e) = plan_file::save(&plan, &self.file) {
            eprintln!("{}", e.command_line_message(language));
            return ExitCode::FAILURE;
        }
        println!(
            "{}",
            tr!(
                language,
                "reweight-changed",
                count = count,
                vigencia = self.vigencia
            )
        );
        let path = self.file.display().to_string();
        println!("{}", tr!(language, "cli-plan-written-to", path = path));
        ExitCode::SUCCESS
    }
}

/// `avance split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The sector's plan file (.ron).
    pub file: PathBuf,
    /// The folder to write the entities' files in (made if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Replace files of the same names already in the folder.
    #[arg(long)]
    pub force: bool,
    /// Language of the messages; default the plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl SplitArgs {
    /// Writes the files and lists them; exit 2 when the plan cannot be read, has no indicator
    /// or a file would be replaced without --force, 1 when writing fails.
    pub fn run(self) -> ExitCode {
        let (plan, language) = match load(&self.file, self.lang) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        match split::write_parts(&plan, &self.output, self.force, language) {
            Ok(parts) => {
                for line in split::summary(&parts, &self.output, language) {
                    println!("{line}");
                }
                ExitCode::SUCCESS
            }
            Err(
                e @ (SplitError::Exists(_) | SplitError::NoIndicators | SplitError::NotAFolder(_)),
            ) => {
                eprintln!("{}", e.message(language));
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("{}", e.message(language));
                ExitCode::FAILURE
            }
        }
    }
}

/// `avance slides`.
#[derive(Debug, Args)]
pub struct SlidesArgs {
    /// Plan file (.ron).
    pub file: PathBuf,
    /// The folder to write the slides in (made if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// The cut: 2022-Q1 (or 31/03/2022); default the plan's own cut.
    #[arg(long)]
    pub cut: Option<Cut>,
    /// Only the PNG files or only the PDF; default both.
    #[arg(long, value_enum)]
    pub format: Option<SlidesFormat>,
    /// The indicators on each objective's slides: as in the plan, or the lowest first.
    #[arg(long, value_enum, default_value_t = SlidesOrderArg::Plan)]
    pub order: SlidesOrderArg,
    /// Width and height of each slide in pixels, e.g. 1366x768.
    #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_size)]
    pub size: [u32; 2],
    /// Language of the slides and messages; default the plan's.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Replace slides of the same names already in the folder.
    #[arg(long)]
    pub force: bool,
}

impl SlidesArgs {
    /// Writes the pack and lists the files written; exit 2 when the plan cannot be read, the
    /// cut is outside its period or a file would be replaced without --force, 1 when writing
    /// fails.
    pub fn run(self) -> ExitCode {
        let (plan, language) = match load(&self.file, self.lang) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        let cut = match cut_in_period(&plan, self.cut, language) {
            Ok(cut) => cut,
            Err(code) => return code,
        };
        let options = briefing::PackOptions {
            size: self.size,
            format: match self.format {
                None => briefing::PackFormat::Both,
                Some(SlidesFormat::Png) => briefing::PackFormat::Png,
                Some(SlidesFormat::Pdf) => briefing::PackFormat::Pdf,
            },
            order: match self.order {
                SlidesOrderArg::Plan => SlideOrder::Plan,
                SlidesOrderArg::LowestFirst => SlideOrder::LowestFirst,
            },
            language,
            replace: self.force,
        };
        match briefing::write_pack(&plan, cut, &self.output, &options) {
            Ok(pack) => {
                println!(
                    "{}",
                    tr!(
                        language,
                        "cli-slides-written",
                        count = pack.slides,
                        date = cut.date(),
                        path = self.output.display().to_string()
                    )
                );
                for path in pack.pngs.iter().chain(&pack.pdf) {
                    println!("  {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(e @ briefing::PackError::Exists(_)) => {
                eprintln!("{}", e.message(language));
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("{}", e.message(language));
                ExitCode::FAILURE
            }
        }
    }
}

/// `--format png` or `--format pdf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlidesFormat {
    Png,
    Pdf,
}

/// `--order plan` or `--order lowest-first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SlidesOrderArg {
    Plan,
    LowestFirst,
}

/// `1920x1080` → [1920, 1080]; each side from 320 to 7680 pixels.
fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("«{text}»: WxH, p. ej. 1920x1080"))?;
    let side = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (320..=7680).contains(v))
            .ok_or_else(|| format!("«{text}»: 320–7680 px"))
    };
    Ok([side(w)?, side(h)?])
}

/// `--format xlsx` or `--format csv`: the export's own formats, named by their extensions (the
/// format is the core's type, so clap's `ValueEnum` cannot be implemented for it here).
fn export_format_parser() -> impl TypedValueParser<Value = ExportFormat> {
    PossibleValuesParser::new(ExportFormat::ALL.map(ExportFormat::extension)).map(|name| {
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.extension() == name)
            .expect("clap accepts only the formats' extensions")
    })
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
}

/// Languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Es,
    En,
}

impl From<Language> for LangArg {
    fn from(language: Language) -> Self {
        match language {
            Language::Es => LangArg::Es,
            Language::En => LangArg::En,
        }
    }
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Es => Language::Es,
            LangArg::En => Language::En,
        }
    }
}

/// Refuses to replace an existing file unless `force`: files are never lost by accident. A
/// symbolic link counts as existing even when what it points to does not (yet).
fn refuse_overwrite(path: &Path, force: bool, language: Language) -> Option<ExitCode> {
    (safe_write::exists(path) && !force).then(|| {
        let path = path.display().to_string();
        eprintln!("{}", tr!(language, "cli-file-exists", path = path));
        ExitCode::from(2)
    })
}

/// The plan and the language to speak: the one asked for, or the plan's. When the plan
/// cannot be read, says why (in the language asked for, or Spanish) and gives exit code 2.
fn load(file: &Path, lang: Option<LangArg>) -> Result<(Plan, Language), ExitCode> {
    match plan_file::load(file) {
        Ok(plan) => {
            let language = lang.map_or(plan.settings.language, Language::from);
            Ok((plan, language))
        }
        Err(e) => {
            eprintln!("{}", e.message(lang.map_or(Language::Es, Language::from)));
            Err(ExitCode::from(2))
        }
    }
}

/// The cut asked for (the plan's own when none), or exit 2 with a message when it is outside
/// the plan's period.
fn cut_in_period(plan: &Plan, asked: Option<Cut>, language: Language) -> Result<Cut, ExitCode> {
    let cut = asked.unwrap_or(plan.cut);
    if plan.period.contains(cut.vigencia) {
        return Ok(cut);
    }
    eprintln!(
        "{}",
        tr!(
            language,
            "cli-cut-outside-period",
            cut = cut.date(),
            first = plan.period.first,
            last = plan.period.last
        )
    );
    Err(ExitCode::from(2))
}
