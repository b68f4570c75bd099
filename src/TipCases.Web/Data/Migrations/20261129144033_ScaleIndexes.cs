using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on",
                table: "victim_support_steps");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_stage",
                table: "cases");

            migrationBuilder.CreateTable(
                name: "summary_snapshots",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_summary_snapshots", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "victim_support_status",
                columns: table => new
                {
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    liaison_officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    latest_step_on = table.Column<DateOnly>(type: "date", nullable: true),
                    latest_step_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    latest_step_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    next_follow_up_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_support_status", x => x.victim_id);
                    table.ForeignKey(
                        name: "fk_victim_support_status_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on_created_at",
                table: "victim_support_steps",
                columns: new[] { "victim_id", "took_place_on", "created_at" },
                descending: new[] { false, true, true })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "next_follow_up_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_open",
                table: "cases",
                column: "office_id",
                filter: "stage NOT IN ('Closed', 'Discontinued')");

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage_opened_on_id",
                table: "cases",
                columns: new[] { "office_id", "stage", "opened_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reference_prefix",
                table: "cases",
                column: "reference")
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_status_liaison_officer_id_latest_step_on",
                table: "victim_support_status",
                columns: new[] { "liaison_officer_id", "latest_step_on" })
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.Unspecified, NullSortOrder.NullsFirst });

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_status_liaison_officer_id_next_follow_up_on",
                table: "victim_support_status",
                columns: new[] { "liaison_officer_id", "next_follow_up_on" });

            // victim_support_status is kept by the database, never written by the app: a row per
            // victim (made with the victim, its liaison officer kept in step), and the latest support
            // step (latest day, then latest entry, as Victim.NextFollowUp). A new step replaces the
            // latest only when it is later: the row lock and the re-checked condition keep the later
            // step when two are saved at once, whatever order they commit in. A step changed or
            // removed (a deleted case sets a step's case to null) has the latest read again.
            migrationBuilder.Sql("""
                CREATE FUNCTION victim_support_status_from_victim() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO victim_support_status (victim_id, liaison_officer_id) VALUES (NEW.id, NEW.liaison_officer_id)
                    ON CONFLICT (victim_id) DO UPDATE SET liaison_officer_id = EXCLUDED.liaison_officer_id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER victims_support_status AFTER INSERT OR UPDATE OF liaison_officer_id ON victims
                    FOR EACH ROW EXECUTE FUNCTION victim_support_status_from_victim();

                CREATE FUNCTION victim_support_status_from_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        UPDATE victim_support_status s
                        SET latest_step_on = NEW.took_place_on, latest_step_created_at = NEW.created_at,
                            latest_step_case_id = NEW.case_id, next_follow_up_on = NEW.next_follow_up_on
                        WHERE s.victim_id = NEW.victim_id
                          AND (s.latest_step_on IS NULL OR (NEW.took_place_on, NEW.created_at) > (s.latest_step_on, s.latest_step_created_at));
                    ELSE
                        UPDATE victim_support_status s
                        SET (latest_step_on, latest_step_created_at, latest_step_case_id, next_follow_up_on) =
                            (SELECT took_place_on, created_at, case_id, next_follow_up_on FROM victim_support_steps
                             WHERE victim_id = OLD.victim_id ORDER BY took_place_on DESC, created_at DESC LIMIT 1)
                        WHERE s.victim_id = OLD.victim_id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER victim_support_steps_status AFTER INSERT OR UPDATE OR DELETE ON victim_support_steps
                    FOR EACH ROW EXECUTE FUNCTION victim_support_status_from_step();

                INSERT INTO victim_support_status (victim_id, liaison_officer_id, latest_step_on, latest_step_created_at, latest_step_case_id, next_follow_up_on)
                SELECT v.id, v.liaison_officer_id, s.took_place_on, s.created_at, s.case_id, s.next_follow_up_on
                FROM victims v
                LEFT JOIN LATERAL (SELECT took_place_on, created_at, case_id, next_follow_up_on FROM victim_support_steps
                                   WHERE victim_id = v.id ORDER BY took_place_on DESC, created_at DESC LIMIT 1) s ON true;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS victim_support_steps_status ON victim_support_steps;
                DROP TRIGGER IF EXISTS victims_support_status ON victims;
                DROP FUNCTION IF EXISTS victim_support_status_from_step();
                DROP FUNCTION IF EXISTS victim_support_status_from_victim();
                """);

            migrationBuilder.DropTable(
                name: "summary_snapshots");

            migrationBuilder.DropTable(
                name: "victim_support_status");

            migrationBuilder.DropIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on_created_at",
                table: "victim_support_steps");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_open",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_id_stage_opened_on_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_reference_prefix",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on",
                table: "victim_support_steps",
                columns: new[] { "victim_id", "took_place_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage",
                table: "cases",
                columns: new[] { "office_id", "stage" });
        }
    }
}
