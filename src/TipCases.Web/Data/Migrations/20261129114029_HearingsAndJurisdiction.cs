using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HearingsAndJurisdiction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_jurisdiction",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conduct_abroad_aimed_at_territory = table.Column<bool>(type: "boolean", nullable: false),
                    aim_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_jurisdiction", x => x.case_id);
                    table.ForeignKey(
                        name: "fk_case_jurisdiction_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hearings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hearings", x => x.id);
                    table.ForeignKey(
                        name: "fk_hearings_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_hearings_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_places_of_conduct",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    country_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_places_of_conduct", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_places_of_conduct_case_jurisdiction_case_id",
                        column: x => x.case_id,
                        principalTable: "case_jurisdiction",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hearing_witnesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hearing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hearing_witnesses", x => x.id);
                    table.ForeignKey(
                        name: "fk_hearing_witnesses_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_hearing_witnesses_hearings_hearing_id",
                        column: x => x.hearing_id,
                        principalTable: "hearings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_hearing_witnesses_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_places_of_conduct_case_id_kind_country_code",
                table: "case_places_of_conduct",
                columns: new[] { "case_id", "kind", "country_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hearing_witnesses_case_id",
                table: "hearing_witnesses",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_hearing_witnesses_hearing_id_victim_id",
                table: "hearing_witnesses",
                columns: new[] { "hearing_id", "victim_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hearing_witnesses_victim_id",
                table: "hearing_witnesses",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_hearings_case_id_starts_at",
                table: "hearings",
                columns: new[] { "case_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hearings_created_by",
                table: "hearings",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_hearings_starts_at",
                table: "hearings",
                column: "starts_at",
                filter: "status = 'Scheduled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_places_of_conduct");

            migrationBuilder.DropTable(
                name: "hearing_witnesses");

            migrationBuilder.DropTable(
                name: "case_jurisdiction");

            migrationBuilder.DropTable(
                name: "hearings");
        }
    }
}
