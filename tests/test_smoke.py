def test_caseload_loads(owner_client, offender):
    response = owner_client.get("/offenders/")
    assert response.status_code == 200
    assert offender.surname.upper() in response.content.decode()
