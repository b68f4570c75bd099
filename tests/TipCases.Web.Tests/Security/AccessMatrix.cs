namespace TipCases.Testing.Security;

/// <summary>
/// Who gets what on every page of TipCases: the one declared access matrix, checked by
/// AccessMatrixTests against every page and handler the app really has.
/// <para>Adding a page: run <c>dotnet test tests/TipCases.Web.Tests --filter "FullyQualifiedName~Security.AccessMatrixTests"</c>;
/// the failure names every entry that is missing (<c>GET /Cases/{id}/Charges</c>, one per named
/// handler: <c>POST /Cases/{id}/Charges?handler=Add</c>). Add one line each below, deciding every
/// cell from the access rules, not from what the page happens to do. With
/// <c>TIPCASES_ACCESS_MATRIX_DRAFT=/tmp/draft.txt</c> the test also writes what every actor actually
/// got, as matrix lines, to compare with what you decided. A route with a new kind of id
/// (<c>/Charges/{id}</c>) also needs that kind in AccessWorld.Kinds, and a handler that needs a
/// field before it reaches its access check (an id of a record on the page) an entry in
/// AccessWorld.FormFor.</para>
/// </summary>
public static class AccessMatrix
{
    public static IReadOnlyList<MatrixRow> Rows { get; } = AccessMatrixParser.Parse(Declared);

    public const string Declared = """
        # Who gets what on every page and handler. Columns: the actor, then one cell per actor in this order:
        #   anonymous  investigator  prosecutor  liaison  supervisor  administrator
        # All actors are in office CPO. Investigator, prosecutor (the lead) and liaison are on the team of
        # the "team" case (liaison is the liaison officer of its victim); supervisor and administrator are
        # on no team. A cell lists one outcome per record variant, separated by '/', or one for all:
        #   case and victim routes: team / office (a CPO case none of them is on) / other (an NRO case)
        #   user and office routes: office (CPO) / other (NRO); optional {id?}: none first
        # Outcomes: 200, 302 (redirect, not to sign-in), ok (allowed: 200 or a redirect; POSTs carry an
        # empty form, so "allowed" may mean "shown again with validation messages"), login (sent to sign
        # in), 403, 404 (unknown and unreadable look alike). A refused POST must change nothing.
        # The rules: Domain/Cases/CaseAccessRule.cs, Domain/Victims/VictimAccessRule.cs, Security/Policies.cs.
        #
        # METHOD ROUTE                                 anonymous  investigator  prosecutor   liaison      supervisor   administrator

        # My work, account
        GET  /                                          login      200           200          200          200          200
        GET  /Account/Login                             200        302           302          302          302          302
        POST /Account/Login                             ok         ok            ok           ok           ok           ok
        GET  /Account/Logout                            login      200           200          200          200          200
        POST /Account/Logout                            login      302           302          302          302          302
        GET  /Account/ChangePassword                    login      200           200          200          200          200
        POST /Account/ChangePassword                    login      ok            ok           ok           ok           ok
        GET  /Error/{code?}                             200/404    200/404       200/404      200/404      200/404      200/404
        POST /Error/{code?}                             200/404    200/404       200/404      200/404      200/404      200/404

        # Administration: administrators only, every office's accounts; never case content
        GET  /Admin/Audit                               login      403           403          403          403          200
        GET  /Admin/Offices                             login      403           403          403          403          200
        GET  /Admin/Offices/Edit/{id?}                  login      403           403          403          403          200
        POST /Admin/Offices/Edit/{id?}                  login      403           403          403          403          ok
        GET  /Admin/Users                               login      403           403          403          403          200
        GET  /Admin/Users/Create                        login      403           403          403          403          200
        POST /Admin/Users/Create                        login      403           403          403          403          ok
        GET  /Admin/Users/Edit/{id}                     login      403           403          403          403          200
        POST /Admin/Users/Edit/{id}                     login      403           403          403          403          ok
        POST /Admin/Users/Edit/{id}?handler=Disable     login      403           403          403          403          ok
        POST /Admin/Users/Edit/{id}?handler=Enable      login      403           403          403          403          ok
        POST /Admin/Users/Edit/{id}?handler=SetPassword login      403           403          403          403          ok

        # Cases: the team and the office's supervisor read; liaison officers do not open or edit cases;
        # prosecutors move the stage; the lead adds members; only supervisors remove members and hand the lead over
        GET  /Cases                                     login      200           200          200          200          403
        GET  /Cases/Create                              login      200           200          403          200          403
        POST /Cases/Create                              login      ok            ok           403          ok           403
        GET  /Cases/{id}                                login      200/404/404   200/404/404  200/404/404  200/200/404  403
        GET  /Cases/{id}/History                        login      200/404/404   200/404/404  200/404/404  200/200/404  403
        GET  /Cases/{id}/Edit                           login      200/404/404   200/404/404  403/404/404  200/200/404  403
        POST /Cases/{id}/Edit                           login      ok/404/404    ok/404/404   403/404/404  ok/ok/404    403
        GET  /Cases/{id}/Links                          login      302           302          302          302          403
        POST /Cases/{id}/Links?handler=Add              login      ok/404/404    ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{id}/Links?handler=Remove           login      ok/404/404    ok/404/404   403/404/404  ok/ok/404    403
        GET  /Cases/{id}/Stage                          login      403/404/404   200/404/404  403/404/404  200/200/404  403
        POST /Cases/{id}/Stage                          login      403/404/404   ok/404/404   403/404/404  ok/ok/404    403
        GET  /Cases/{id}/Tasks                          login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Cases/{id}/Tasks?handler=Add              login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        POST /Cases/{id}/Tasks?handler=Complete         login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Cases/{id}/Team                           login      403/404/404   200/404/404  403/404/404  200/200/404  403
        POST /Cases/{id}/Team?handler=Add               login      403/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{id}/Team?handler=MakeLead          login      403/404/404   403/404/404  403/404/404  ok/ok/404    403
        POST /Cases/{id}/Team?handler=Remove            login      403/404/404   403/404/404  403/404/404  ok/ok/404    403

        # Victims: whoever reads one of the victim's cases reads the victim (pseudonym only); the identity
        # only to the victim's liaison officer and the prosecutors on its cases; investigators edit the
        # profile and log threats but change no protection, support or compensation record; only a
        # prosecutor on a case of the victim records the non-punishment review
        GET  /Cases/{caseId}/Victims/New                login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Cases/{caseId}/Victims/New                login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}                              login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}?handler=Reveal               login      403/404/404   ok/404/404   ok/404/404   403/403/404  403
        POST /Victims/{id}?handler=ChangeIdentity       login      403/404/404   ok/404/404   ok/404/404   403/403/404  403
        POST /Victims/{id}?handler=AssignLiaison        login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        POST /Victims/{id}?handler=LinkCase             login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Edit                         login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Edit                         login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Support                      login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Support                      login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Threats                      login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Threats                      login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Protection                   login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Protection?handler=Plan      login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        POST /Victims/{id}/Protection?handler=Update    login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Information                  login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Information                  login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Residence                    login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Residence                    login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/Compensation                 login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/Compensation                 login      403/404/404   ok/404/404   ok/404/404   ok/ok/404    403
        GET  /Victims/{id}/NonPunishment                login      200/404/404   200/404/404  200/404/404  200/200/404  403
        POST /Victims/{id}/NonPunishment?handler=Flag   login      ok/404/404    ok/404/404   ok/404/404   ok/ok/404    403
        POST /Victims/{id}/NonPunishment?handler=Review login      403/404/404   ok/404/404   403/404/404  403/403/404  403

        # Account (added from the rules; see the feature access code)
        GET  /Account/Authenticator                     login        200          200          200          200          200
        POST /Account/Authenticator                     login        ok           ok           ok           ok           ok
        POST /Account/Authenticator?handler=Confirm     login        ok           ok           ok           ok           ok
        GET  /Account/Enrol                             302          302          302          302          302          302
        POST /Account/Enrol                             ok           ok           ok           ok           ok           ok
        GET  /Account/Mfa                               302          302          302          302          302          302
        POST /Account/Mfa                               ok           ok           ok           ok           ok           ok
        GET  /Account/RecoveryCodes                     login        200          200          200          200          200
        POST /Account/RecoveryCodes                     login        ok           ok           ok           ok           ok
        GET  /Account/Security                          login        200          200          200          200          200

        # Offences (added from the rules; see the feature access code)
        GET  /Admin/Offences                            login        403          403          403          403          200
        GET  /Admin/Offences/Edit/{id?}                 login        403          403          403          403          200
        POST /Admin/Offences/Edit/{id?}                 login        403          403          403          403          ok

        # Cases (added from the rules; see the feature access code)
        GET  /Cases?handler=Csv                         login        200          200          200          200          403

        # Victims (added from the rules; see the feature access code)
        GET  /Victims                                   login        200          200          200          200          403

        # Charges (added from the rules; see the feature access code)
        GET  /Cases/{caseId}/Charges/Edit/{chargeId?}   login        403/403/404/404/404/404/404/404/404/404/404/404 200/200/404/404/404/404/404/404/404/404/404/404 403/403/404/404/404/404/404/404/404/404/404/404 403/403/404/404/403/404/403/404/404/404/404/404 403
        POST /Cases/{caseId}/Charges/Edit/{chargeId?}   login        403/403/404/404/404/404/404/404/404/404/404/404 ok/ok/404/404/404/404/404/404/404/404/404/404 403/403/404/404/404/404/404/404/404/404/404/404 403/403/404/404/403/404/403/404/404/404/404/404 403
        GET  /Cases/{caseId}/Defendants/{defendantId?}  login        200/200/404/404/404/404/404/404/404/404/404/404 200/200/404/404/404/404/404/404/404/404/404/404 403/403/404/404/404/404/404/404/404/404/404/404 403/403/404/404/403/404/403/404/404/404/404/404 403
        POST /Cases/{caseId}/Defendants/{defendantId?}  login        ok/ok/404/404/404/404/404/404/404/404/404/404 ok/ok/404/404/404/404/404/404/404/404/404/404 403/403/404/404/404/404/404/404/404/404/404/404 403/403/404/404/403/404/403/404/404/404/404/404 403
        GET  /Cases/{id}/Charges                        login        200/404/404  200/404/404  200/404/404  200/200/404  403
        GET  /Charges/{id}                              login        200/404/404  200/404/404  200/404/404  200/200/404  403
        GET  /Charges/{id}/Facts                        login        200/404/404  200/404/404  403/404/404  403/403/404  403
        POST /Charges/{id}/Facts                        login        ok/404/404   ok/404/404   403/404/404  403/403/404  403
        GET  /Charges/{id}/Status                       login        403/404/404  200/404/404  403/404/404  403/403/404  403
        POST /Charges/{id}/Status?handler=Appeal        login        403/404/404  ok/404/404   403/404/404  403/403/404  403
        POST /Charges/{id}/Status?handler=Sentence      login        403/404/404  ok/404/404   403/404/404  403/403/404  403
        POST /Charges/{id}/Status?handler=Status        login        403/404/404  ok/404/404   403/404/404  403/403/404  403
        POST /Charges/{id}?handler=Accept               login        403/404/404  ok/404/404   403/404/404  403/403/404  403
        POST /Charges/{id}?handler=Dismiss              login        403/404/404  ok/404/404   403/404/404  403/403/404  403

        # Hearings (added from the rules; see the feature access code)
        GET  /Cases/{id}/Hearings                       login        200/404/404  200/404/404  200/404/404  200/200/404  403
        GET  /Cases/{id}/Hearings/New                   login        200/404/404  200/404/404  403/404/404  200/200/404  403
        POST /Cases/{id}/Hearings/New                   login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        GET  /Cases/{id}/Hearings/{hearingId}           login        200/404/404  200/404/404  403/404/404  200/200/404  403
        POST /Cases/{id}/Hearings/{hearingId}           login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        GET  /Hearings/Upcoming                         login        200          200          200          200          403

        # Jurisdiction (added from the rules; see the feature access code)
        GET  /Cases/{id}/Jurisdiction                   login        200/404/404  200/404/404  200/404/404  200/200/404  403
        POST /Cases/{id}/Jurisdiction?handler=AddPlace  login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{id}/Jurisdiction?handler=Facts     login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        # RemovePlace posts the case's own place (AccessWorld.FormFor), without the page's version: allowed actors see the conflict
        POST /Cases/{id}/Jurisdiction?handler=RemovePlace login      ok/404/404   ok/404/404   403/404/404  ok/ok/404    403

        # Cooperation (added from the rules; see the feature access code)
        GET  /Cases/{caseId}/Cooperation/Edit/{id?}     login        200/200/404/404/404/404/404/404/404/404/404/404 200/200/404/404/404/404/404/404/404/404/404/404 403/403/403/403/404/404/404/404/404/404/404/404 200/200/404/404/200/404/200/404/404/404/404/404 403
        POST /Cases/{caseId}/Cooperation/Edit/{id?}     login        ok/ok/404/404/404/404/404/404/404/404/404/404 ok/ok/404/404/404/404/404/404/404/404/404/404 403/403/403/403/404/404/404/404/404/404/404/404 ok/ok/404/404/ok/404/ok/404/404/404/404/404 403
        GET  /Cases/{caseId}/Cooperation/{id}           login        200/404/404  200/404/404  200/404/404  200/200/404  403
        POST /Cases/{caseId}/Cooperation/{id}?handler=AddMaterial login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Cooperation/{id}?handler=Confirm login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Cooperation/{id}?handler=Cover login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Cooperation/{id}?handler=Due login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Cooperation/{id}?handler=RemoveMaterial login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Cooperation/{id}?handler=Status login        ok/404/404   ok/404/404   403/404/404  ok/ok/404    403
        GET  /Cooperation                               login        200          200          200          200          403

        # Assets (added from the rules; see the feature access code)
        GET  /Cases/{caseId}/Assets/Edit/{id?}          login        403/403/403/403/404/404/404/404/404/404/404/404 200/200/404/404/404/404/404/404/404/404/404/404 403/403/403/403/404/404/404/404/404/404/404/404 200/200/404/404/200/404/200/404/404/404/404/404 403
        POST /Cases/{caseId}/Assets/Edit/{id?}          login        403/403/403/403/404/404/404/404/404/404/404/404 ok/ok/404/404/404/404/404/404/404/404/404/404 403/403/403/403/404/404/404/404/404/404/404/404 ok/ok/404/404/ok/404/ok/404/404/404/404/404 403
        GET  /Cases/{caseId}/Assets/{id}                login        200/404/404  200/404/404  200/404/404  200/200/404  403
        POST /Cases/{caseId}/Assets/{id}?handler=Allocate login        403/404/404  ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Assets/{id}?handler=Realised login        403/404/404  ok/404/404   403/404/404  ok/ok/404    403
        POST /Cases/{caseId}/Assets/{id}?handler=Step   login        403/404/404  ok/404/404   403/404/404  ok/ok/404    403

        # Dashboard (added from the rules; see the feature access code)
        GET  /Dashboard                                 login        403          403          403          200          403
        GET  /Dashboard/Export                          login        400          400          400          400          403
        GET  /Dashboard/Statistics                      login        403          403          403          200          403
        GET  /Dashboard/Statistics?handler=Csv          login        403          403          403          200          403
        GET  /Dashboard/Statistics?handler=Report       login        403          403          403          200          403

        # Other (added from the rules; see the feature access code)
        POST /Admin/Users/Edit/{id}?handler=ResetAuthenticator login        403          403          403          403          ok
        """;
}
